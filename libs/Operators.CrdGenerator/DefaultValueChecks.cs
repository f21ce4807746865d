using System.Globalization;
using System.Text.RegularExpressions;
using k8s.Models;

namespace Operators.CrdGenerator;

/// <summary>
/// kube-apiserver rejects a CRD whose defaults do not validate against their own schema. These
/// checks catch the common mistakes at generation time: a default of the wrong type, outside the
/// enum, the range, the length, the pattern or the item count, or a repeated item of a set.
/// </summary>
internal static class DefaultValueChecks
{
    /// <summary>Throws when <paramref name="value"/> would not validate against <paramref name="schema"/>.</summary>
    public static void Check(V1JSONSchemaProps schema, object value, string where)
    {
        switch (value)
        {
            case List<object> list:
                CheckList(schema, list, where);
                break;
            case Dictionary<string, object>:
                Require(schema.Type == "object", where, "{}", "of an object");
                break;
            default:
                CheckScalar(schema, value, where);
                break;
        }
    }

    private static void CheckList(V1JSONSchemaProps schema, List<object> list, string where)
    {
        Require(schema.Type == "array", where, "a list", "of an array");
        Require(schema.MinItems is not { } min || list.Count >= min, where, $"{list.Count} items", $"at least {schema.MinItems}");
        Require(schema.MaxItems is not { } max || list.Count <= max, where, $"{list.Count} items", $"at most {schema.MaxItems}");
        Require(schema.XKubernetesListType != "set" || list.Distinct().Count() == list.Count, where, "with a repeated item", "unique in a set");
        foreach (var item in list)
        {
            Check((V1JSONSchemaProps)schema.Items, item, where);
        }
    }

    private static void CheckScalar(V1JSONSchemaProps schema, object value, string where)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        var fits = value switch
        {
            string => schema.Type == "string" || schema.XKubernetesIntOrString == true,
            bool => schema.Type == "boolean",
            int or long => schema.Type is "integer" or "number" || schema.XKubernetesIntOrString == true,
            double => schema.Type == "number",
            _ => false,
        };
        Require(fits, where, text, "of type " + (schema.Type ?? "int-or-string"));
        Require(schema.EnumProperty is null || schema.EnumProperty.Contains(value), where, text, "one of the allowed values");

        if (value is string s)
        {
            Require(schema.MaxLength is not { } max || s.Length <= max, where, text, $"at most {schema.MaxLength} characters");
            Require(schema.MinLength is not { } min || s.Length >= min, where, text, $"at least {schema.MinLength} characters");
            Require(schema.Pattern is null || Regex.IsMatch(s, schema.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)), where, text, $"matching {schema.Pattern}");
        }
        else if (value is int or long or double)
        {
            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            Require(schema.Minimum is not { } min || (schema.ExclusiveMinimum == true ? number > min : number >= min), where, text, $"at least {schema.Minimum}");
            Require(schema.Maximum is not { } max || (schema.ExclusiveMaximum == true ? number < max : number <= max), where, text, $"at most {schema.Maximum}");
        }
    }

    private static void Require(bool condition, string where, string? value, string expected)
    {
        if (!condition)
        {
            throw new InvalidOperationException(
                $"{where}: the default ({value}) must be {expected}: kube-apiserver rejects a CRD whose default does not validate.");
        }
    }
}
