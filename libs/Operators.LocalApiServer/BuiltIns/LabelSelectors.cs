using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// <c>metav1.LabelSelector</c> (<c>matchLabels</c> and <c>matchExpressions</c>): validation,
/// matching against labels, and the string form kube-apiserver prints (<c>app=web,tier in (a,b)</c>).
/// </summary>
internal static class LabelSelectors
{
    /// <summary>Validates a selector found at <paramref name="field"/>.</summary>
    public static void Validate(JsonObject selector, string field, List<StatusCause> causes)
    {
        ObjectMetaRules.ValidateLabels(selector.GetObject("matchLabels"), field + ".matchLabels", causes);
        foreach (var (index, expression) in selector.Objects("matchExpressions"))
        {
            var path = $"{field}.matchExpressions[{index}]";
            var op = expression.GetStringOrEmpty("operator");
            var values = ObjectMetaRules.Strings(expression.GetArray("values")).ToList();
            switch (op)
            {
                case "In" or "NotIn" when values.Count == 0:
                    causes.Add(FieldCauses.Required(path + ".values", "must be specified when `operator` is 'In' or 'NotIn'"));
                    break;
                case "Exists" or "DoesNotExist" when values.Count > 0:
                    causes.Add(FieldCauses.Forbidden(path + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    break;
                case "In" or "NotIn" or "Exists" or "DoesNotExist":
                    break;
                default:
                    causes.Add(FieldCauses.Invalid(path + ".operator", op, "not a valid selector operator"));
                    break;
            }

            var key = expression.GetStringOrEmpty("key");
            causes.AddRange(FieldCauses.InvalidEach(path + ".key", key, ContentRules.QualifiedName(key)));
            for (var i = 0; i < values.Count; i++)
            {
                causes.AddRange(FieldCauses.InvalidEach($"{path}.values[{i}]", values[i], ContentRules.LabelValue(values[i])));
            }
        }
    }

    /// <summary>True when the selector has neither labels nor expressions (it would match everything).</summary>
    public static bool IsEmpty(JsonObject selector) =>
        (selector.GetObject("matchLabels")?.Count ?? 0) + (selector.GetArray("matchExpressions")?.Count ?? 0) == 0;

    /// <summary>True when <paramref name="labels"/> satisfy every requirement of the selector.</summary>
    public static bool Matches(JsonObject selector, JsonObject? labels)
    {
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels ?? [])
        {
            if (value is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                set[key] = text.GetValue<string>();
            }
        }

        foreach (var (key, value) in selector.StringEntries("matchLabels"))
        {
            if (!set.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var (_, expression) in selector.Objects("matchExpressions"))
        {
            var key = expression.GetStringOrEmpty("key");
            var values = ObjectMetaRules.Strings(expression.GetArray("values")).ToHashSet(StringComparer.Ordinal);
            var has = set.TryGetValue(key, out var actual);
            var ok = expression.GetStringOrEmpty("operator") switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The selector as a query string, requirements sorted by key: <c>app=web,!legacy</c>.</summary>
    public static string Format(JsonObject selector)
    {
        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in selector.StringEntries("matchLabels"))
        {
            requirements.Add((key, key + "=" + value));
        }

        foreach (var (_, expression) in selector.Objects("matchExpressions"))
        {
            var key = expression.GetStringOrEmpty("key");
            var values = string.Join(",", ObjectMetaRules.Strings(expression.GetArray("values")).Order(StringComparer.Ordinal));
            requirements.Add((key, expression.GetStringOrEmpty("operator") switch
            {
                "In" => $"{key} in ({values})",
                "NotIn" => $"{key} notin ({values})",
                "Exists" => key,
                "DoesNotExist" => "!" + key,
                _ => key,
            }));
        }

        return string.Join(",", requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
    }
}
