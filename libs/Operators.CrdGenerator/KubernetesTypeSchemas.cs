using k8s.Models;

namespace Operators.CrdGenerator;

/// <summary>
/// Hand-written schemas of the Kubernetes types custom resources embed, where reflection over the
/// client's model classes would miss what a real kube-apiserver needs: required fields, enums,
/// patterns, int-or-string quantities, list and map types. Their shapes follow what controller-gen
/// writes for the same Go types, so objects valid in a built-in resource are valid here too.
/// </summary>
internal static class KubernetesTypeSchemas
{
    /// <summary>The syntax of a resource quantity (<c>500m</c>, <c>2Gi</c>, <c>1e3</c>).</summary>
    public const string QuantityPattern =
        @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$";

    /// <summary>The syntax of a condition's reason: CamelCase, starting with a letter.</summary>
    public const string ConditionReasonPattern = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$";

    /// <summary>The syntax of a condition's type: CamelCase, optionally prefixed by a DNS subdomain and '/'.</summary>
    public const string ConditionTypePattern =
        @"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$";

    /// <summary>The schema of <paramref name="type"/> if it is one of the hand-written types; otherwise null.</summary>
    public static V1JSONSchemaProps? TryCreate(Type type)
    {
        if (type == typeof(V1Condition))
        {
            return Condition();
        }

        if (type == typeof(ResourceQuantity))
        {
            return Quantity();
        }

        if (type == typeof(IntOrString))
        {
            return IntOrString();
        }

        if (type == typeof(V1ResourceRequirements))
        {
            return ResourceRequirements();
        }

        if (type == typeof(V1LabelSelector))
        {
            return LabelSelector();
        }

        return type == typeof(V1ObjectMeta) ? new V1JSONSchemaProps { Type = "object" } : null;
    }

    /// <summary>metav1.Condition: every field but observedGeneration required.</summary>
    private static V1JSONSchemaProps Condition() => new()
    {
        Description = "One aspect of the object's current state.",
        Type = "object",
        Properties = new Dictionary<string, V1JSONSchemaProps>
        {
            ["type"] = new()
            {
                Description = "The aspect, in CamelCase or as domain/CamelCase.",
                Type = "string",
                MaxLength = 316,
                Pattern = ConditionTypePattern,
            },
            ["status"] = new()
            {
                Description = "True, False or Unknown.",
                Type = "string",
                EnumProperty = ["True", "False", "Unknown"],
            },
            ["observedGeneration"] = new()
            {
                Description = "The metadata.generation the condition was computed from.",
                Type = "integer",
                Format = "int64",
                Minimum = 0,
            },
            ["lastTransitionTime"] = new()
            {
                Description = "When the status last changed.",
                Type = "string",
                Format = "date-time",
            },
            ["reason"] = new()
            {
                Description = "Why the status last changed: a CamelCase identifier, never empty.",
                Type = "string",
                MinLength = 1,
                MaxLength = 1024,
                Pattern = ConditionReasonPattern,
            },
            ["message"] = new()
            {
                Description = "Details for humans; may be empty.",
                Type = "string",
                MaxLength = 32768,
            },
        },
        Required = ["type", "status", "lastTransitionTime", "reason", "message"],
    };

    /// <summary>resource.Quantity: a number or a string with the quantity syntax.</summary>
    private static V1JSONSchemaProps Quantity()
    {
        var schema = IntOrString();
        schema.Pattern = QuantityPattern;
        return schema;
    }

    /// <summary>
    /// intstr.IntOrString: a number or a string, written as controller-gen writes it
    /// (<c>x-kubernetes-int-or-string</c> plus the <c>anyOf</c> that documents the two types).
    /// </summary>
    private static V1JSONSchemaProps IntOrString() => new()
    {
        XKubernetesIntOrString = true,
        AnyOf = [new V1JSONSchemaProps { Type = "integer" }, new V1JSONSchemaProps { Type = "string" }],
    };

    /// <summary>core/v1 ResourceRequirements: limits, requests and claims.</summary>
    private static V1JSONSchemaProps ResourceRequirements() => new()
    {
        Description = "Compute resources: requests and limits of CPU, memory and other resources.",
        Type = "object",
        Properties = new Dictionary<string, V1JSONSchemaProps>
        {
            ["limits"] = new()
            {
                Description = "The most of each resource the container may use.",
                Type = "object",
                AdditionalProperties = Quantity(),
            },
            ["requests"] = new()
            {
                Description = "The least of each resource the container needs; scheduling reserves it.",
                Type = "object",
                AdditionalProperties = Quantity(),
            },
            ["claims"] = new()
            {
                Description = "Dynamic resource claims of the pod the container uses, by name.",
                Type = "array",
                Items = new V1JSONSchemaProps
                {
                    Type = "object",
                    Properties = new Dictionary<string, V1JSONSchemaProps>
                    {
                        ["name"] = new() { Description = "The name of a resource claim of the pod.", Type = "string" },
                        ["request"] = new() { Description = "The request of that claim to use, if only one.", Type = "string" },
                    },
                    Required = ["name"],
                },
                XKubernetesListType = "map",
                XKubernetesListMapKeys = ["name"],
            },
        },
    };

    /// <summary>metav1.LabelSelector: matchLabels and matchExpressions, replaced as a whole.</summary>
    private static V1JSONSchemaProps LabelSelector() => new()
    {
        Description = "A label query; the requirements are ANDed; an empty selector matches everything.",
        Type = "object",
        Properties = new Dictionary<string, V1JSONSchemaProps>
        {
            ["matchLabels"] = new()
            {
                Description = "Labels that must be present with exactly these values.",
                Type = "object",
                AdditionalProperties = new V1JSONSchemaProps { Type = "string" },
            },
            ["matchExpressions"] = new()
            {
                Description = "Requirements on labels.",
                Type = "array",
                Items = new V1JSONSchemaProps
                {
                    Description = "A key, an operator and values.",
                    Type = "object",
                    Properties = new Dictionary<string, V1JSONSchemaProps>
                    {
                        ["key"] = new() { Description = "The label key.", Type = "string" },
                        ["operator"] = new() { Description = "In, NotIn, Exists or DoesNotExist.", Type = "string" },
                        ["values"] = new()
                        {
                            Description = "Values for In and NotIn; empty for Exists and DoesNotExist.",
                            Type = "array",
                            Items = new V1JSONSchemaProps { Type = "string" },
                            XKubernetesListType = "atomic",
                        },
                    },
                    Required = ["key", "operator"],
                },
                XKubernetesListType = "atomic",
            },
        },
        XKubernetesMapType = "atomic",
    };
}
