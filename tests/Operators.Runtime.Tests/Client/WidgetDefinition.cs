using k8s.Models;
using Operators.Runtime.Client;

namespace Operators.Runtime.Tests.Client;

/// <summary>The CRD of <see cref="Widget"/>: namespaced, with a status subresource.</summary>
internal static class WidgetDefinition
{
    public const string Group = "test.operators.io";

    public static async Task InstallAsync(KubeApiClient client)
    {
        var definitions = client.For<V1CustomResourceDefinition>();
        try
        {
            await definitions.CreateAsync(Create());
        }
        catch (KubernetesConflictException e) when (e.IsAlreadyExists)
        {
        }
    }

    private static V1CustomResourceDefinition Create() => new()
    {
        Metadata = new V1ObjectMeta { Name = "widgets." + Group },
        Spec = new V1CustomResourceDefinitionSpec
        {
            Group = Group,
            Scope = "Namespaced",
            Names = new V1CustomResourceDefinitionNames { Plural = "widgets", Singular = "widget", Kind = "Widget", ListKind = "WidgetList" },
            Versions =
            [
                new V1CustomResourceDefinitionVersion
                {
                    Name = "v1alpha1",
                    Served = true,
                    Storage = true,
                    Subresources = new V1CustomResourceSubresources { Status = new object() },
                    Schema = new V1CustomResourceValidation
                    {
                        OpenAPIV3Schema = new V1JSONSchemaProps
                        {
                            Type = "object",
                            Properties = new Dictionary<string, V1JSONSchemaProps>
                            {
                                ["spec"] = new()
                                {
                                    Type = "object",
                                    Properties = new Dictionary<string, V1JSONSchemaProps>
                                    {
                                        ["size"] = new() { Type = "integer" },
                                        ["color"] = new() { Type = "string" },
                                    },
                                },
                                ["status"] = new()
                                {
                                    Type = "object",
                                    Properties = new Dictionary<string, V1JSONSchemaProps> { ["phase"] = new() { Type = "string" } },
                                },
                            },
                        },
                    },
                },
            ],
        },
    };
}
