using System.Globalization;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// apiextensions' <c>ValidateListSetsAndMaps</c>: items of <c>x-kubernetes-list-type: set</c> lists must be
/// unique, and items of <c>map</c> lists unique by their <c>x-kubernetes-list-map-keys</c>. Each repeated value
/// is reported once, at the index where it first repeats, as <c>Duplicate value: {"name":"a"}</c>.
/// </summary>
internal static class ListTypeValidator
{
    /// <summary>Validates the lists in <paramref name="obj"/> (field paths are relative to it).</summary>
    public static List<StatusCause> Validate(SchemaNode schema, JsonObject obj)
    {
        var causes = new List<StatusCause>();
        ValidateObject(schema, obj, "", causes);
        return causes;
    }

    private static void ValidateObject(SchemaNode schema, JsonObject obj, string path, List<StatusCause> causes)
    {
        if (schema.AdditionalProperties is { } additional)
        {
            foreach (var (key, value) in obj)
            {
                ValidateValue(additional, value, FieldPath.Key(path, key), causes);
            }
        }

        foreach (var (key, value) in obj)
        {
            if (schema.Properties.TryGetValue(key, out var property))
            {
                ValidateValue(property, value, FieldPath.Child(path, key), causes);
            }
        }
    }

    private static void ValidateValue(SchemaNode schema, JsonNode? value, string path, List<StatusCause> causes)
    {
        switch (value)
        {
            case JsonArray array:
                ValidateArray(schema, array, path, causes);
                break;
            case JsonObject obj:
                ValidateObject(schema, obj, path, causes);
                break;
        }
    }

    private static void ValidateArray(SchemaNode schema, JsonArray array, string path, List<StatusCause> causes)
    {
        if (schema.ListType == "set")
        {
            causes.AddRange(FirstRepeats(array.Select(item => (Identity(item), item)).ToList())
                .Select(i => FieldCauses.Duplicate(FieldPath.Index(path, i), array[i])));
        }
        else if (schema.ListType == "map")
        {
            ValidateMapKeys(schema, array, path, causes);
        }

        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                ValidateValue(items, array[i], FieldPath.Index(path, i), causes);
            }
        }
    }

    private static void ValidateMapKeys(SchemaNode schema, JsonArray array, string path, List<StatusCause> causes)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not null and not JsonObject)
            {
                causes.Add(FieldCauses.Invalid(FieldPath.Index(path, i), array[i], "must be an object for an array of list-type map"));
                return;
            }
        }

        var keys = array.Select(item => KeyOf(schema.ListMapKeys, item as JsonObject)).ToList();
        foreach (var i in FirstRepeats(keys))
        {
            causes.Add(FieldCauses.Duplicate(FieldPath.Index(path, i), keys[i].Value));
        }
    }

    /// <summary>
    /// The key of a map-list item: with one key field its value (an absent key is distinct from null),
    /// with several an object of the key fields present.
    /// </summary>
    private static (string Identity, JsonNode? Value) KeyOf(IReadOnlyList<string> keyFields, JsonObject? item)
    {
        if (keyFields.Count == 1)
        {
            var field = keyFields[0];
            if (item is null || !item.TryGetPropertyValue(field, out var key))
            {
                return ("unspecified", new JsonObject());
            }

            return (Identity(key), new JsonObject { [field] = key?.DeepClone() });
        }

        var keys = new JsonObject();
        foreach (var field in keyFields)
        {
            if (item is not null && item.TryGetPropertyValue(field, out var key))
            {
                keys[field] = key?.DeepClone();
            }
        }

        return (Identity(keys), keys);
    }

    /// <summary>
    /// How Go tells set members apart: scalars by type and value, objects and lists by their JSON encoding.
    /// </summary>
    private static string Identity(JsonNode? value) => GoJson.KindOf(value) switch
    {
        GoJsonKind.Object or GoJsonKind.Array => "json:" + GoJsonText.Marshal(value),
        GoJsonKind.Null => "null",
        GoJsonKind.String => "string:" + GoJson.GetString(value!),
        GoJsonKind.Float => "float:" + GoJson.GetDouble(value!).ToString("R", CultureInfo.InvariantCulture),
        GoJsonKind.Int => "int:" + GoJson.GetInt64(value!).ToString(CultureInfo.InvariantCulture),
        _ => "bool:" + GoJson.GetBool(value!),
    };

    /// <summary>The indexes where a value appears for the second time (later repeats are not reported).</summary>
    private static IEnumerable<int> FirstRepeats(IReadOnlyList<(string Identity, JsonNode? Value)> items)
    {
        if (items.Count <= 1)
        {
            yield break;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            seen.TryGetValue(items[i].Identity, out var times);
            seen[items[i].Identity] = times + 1;
            if (times == 1)
            {
                yield return i;
            }
        }
    }
}
