using System.Globalization;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// kube-apiserver's Deployment checks: replicas, a non-empty selector matching the template's
/// labels (and immutable on update), the pod template, the strategy and the timing fields.
/// </summary>
internal static class DeploymentValidation
{
    private const string NonNegative = "must be greater than or equal to 0";
    private static readonly string[] StrategyTypes = ["Recreate", "RollingUpdate"];

    /// <summary>Validates a Deployment on create (<paramref name="old"/> null) or update.</summary>
    public static IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old)
    {
        var causes = new List<StatusCause>();
        ObjectMetaRules.Validate(obj, namespaced: true, NameRules.DnsSubdomain, standardFinalizers: true, causes);
        if (old is not null)
        {
            ObjectMetaRules.ValidateUpdate(obj, old, causes);
        }

        var spec = obj.GetObject("spec");
        NotNegative(spec, "replicas", causes);
        ValidateSelectorAndTemplate(spec, causes);
        ValidateStrategy(spec.GetObject("strategy"), causes);
        NotNegative(spec, "minReadySeconds", causes);
        NotNegative(spec, "revisionHistoryLimit", causes);
        if (spec.GetInteger("progressDeadlineSeconds") is { } deadline)
        {
            NotNegative(spec, "progressDeadlineSeconds", causes);
            if (deadline <= (spec.GetInteger("minReadySeconds") ?? 0))
            {
                causes.Add(FieldCauses.Invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds"));
            }
        }

        var selector = spec?["selector"];
        var oldSelector = old?.GetObject("spec")?["selector"];
        if (old is not null && !JsonNode.DeepEquals(selector, oldSelector))
        {
            causes.Add(FieldCauses.InvalidRendered("spec.selector", GoLabelSelector(selector as JsonObject), FieldCauses.Immutable));
        }

        return causes;
    }

    private static void ValidateSelectorAndTemplate(JsonObject? spec, List<StatusCause> causes)
    {
        var template = spec.GetObject("template");
        if (spec.GetObject("selector") is not { } selector)
        {
            causes.Add(FieldCauses.Required("spec.selector"));
        }
        else
        {
            var before = causes.Count;
            LabelSelectors.Validate(selector, "spec.selector", causes);
            if (LabelSelectors.IsEmpty(selector))
            {
                causes.Add(FieldCauses.InvalidRendered("spec.selector", GoLabelSelector(selector), "empty selector is invalid for deployment"));
            }
            else if (causes.Count == before && !LabelSelectors.Matches(selector, template.GetObject("metadata").GetObject("labels")))
            {
                var labels = template.GetObject("metadata").StringEntries("labels");
                causes.Add(FieldCauses.InvalidRendered("spec.template.metadata.labels", GoLiteral.StringMap(labels),
                    "`selector` does not match template `labels`"));
            }
        }

        if (template is null)
        {
            causes.Add(FieldCauses.Required("spec.template"));
            return;
        }

        PodTemplateValidation.Validate(template, "spec.template", causes);
        var restartPolicy = template.GetObject("spec").GetStringOrEmpty("restartPolicy");
        if (restartPolicy.Length > 0 && restartPolicy != "Always")
        {
            causes.Add(FieldCauses.NotSupported("spec.template.spec.restartPolicy", restartPolicy, ["Always"]));
        }

        if (template.GetObject("spec")?["activeDeadlineSeconds"] is not null)
        {
            causes.Add(FieldCauses.Forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in ReplicaSet is not Supported"));
        }
    }

    private static void ValidateStrategy(JsonObject? strategy, List<StatusCause> causes)
    {
        var type = strategy.GetStringOrEmpty("type");
        var rollingUpdate = strategy.GetObject("rollingUpdate");
        if (!StrategyTypes.Contains(type))
        {
            causes.Add(FieldCauses.NotSupported("spec.strategy.type", type, StrategyTypes));
        }
        else if (type == "Recreate" && rollingUpdate is not null)
        {
            causes.Add(FieldCauses.Forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
        }
        else if (type == "RollingUpdate" && rollingUpdate is not null)
        {
            var unavailable = ValidateIntOrPercent(rollingUpdate, "maxUnavailable", causes);
            var surge = ValidateIntOrPercent(rollingUpdate, "maxSurge", causes);
            if (unavailable == 0 && surge == 0)
            {
                causes.Add(FieldCauses.Invalid("spec.strategy.rollingUpdate.maxUnavailable",
                    rollingUpdate["maxUnavailable"], "may not be 0 when `maxSurge` is 0"));
            }

            if (unavailable > 100 && rollingUpdate.GetString("maxUnavailable") is { } percent)
            {
                causes.Add(FieldCauses.Invalid("spec.strategy.rollingUpdate.maxUnavailable", percent, "must not be greater than 100%"));
            }
        }
    }

    // Returns the number (or percentage) given, or null when it is absent or invalid.
    private static long? ValidateIntOrPercent(JsonObject rollingUpdate, string key, List<StatusCause> causes)
    {
        var field = "spec.strategy.rollingUpdate." + key;
        if (rollingUpdate.GetInteger(key) is { } number)
        {
            if (number < 0)
            {
                causes.Add(FieldCauses.Invalid(field, number, NonNegative));
                return null;
            }

            return number;
        }

        if (rollingUpdate.GetString(key) is not { } text)
        {
            return null;
        }

        if (text.Length < 2 || !text.EndsWith('%') || !long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            causes.Add(FieldCauses.Invalid(field, text,
                "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%' or '93%', regex used for validation is '[0-9]+%')"));
            return null;
        }

        return percent;
    }

    private static void NotNegative(JsonObject? spec, string key, List<StatusCause> causes)
    {
        if (spec.GetInteger(key) is < 0 and var value)
        {
            causes.Add(FieldCauses.Invalid("spec." + key, value, NonNegative));
        }
    }

    // The selector as kube-apiserver's generated String() prints a *metav1.LabelSelector.
    private static string GoLabelSelector(JsonObject? selector)
    {
        if (selector is null)
        {
            return "nil";
        }

        var labels = string.Concat(selector.StringEntries("matchLabels")
            .OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value},"));
        var expressions = string.Concat(selector.Objects("matchExpressions").Select(e =>
            $"LabelSelectorRequirement{{Key:{e.Item.GetStringOrEmpty("key")},Operator:{e.Item.GetStringOrEmpty("operator")}," +
            $"Values:[{string.Join(' ', ObjectMetaRules.Strings(e.Item.GetArray("values")))}],}},"));
        return $"&LabelSelector{{MatchLabels:map[string]string{{{labels}}},MatchExpressions:[]LabelSelectorRequirement{{{expressions}}},}}";
    }
}
