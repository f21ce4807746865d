using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// The old value that corresponds to a node being validated on update, for validation ratcheting: errors in
/// a part of the object that did not change are not reported. Object fields correlate by name and items of
/// <c>x-kubernetes-list-type: map</c> lists by their keys; other list items never correlate.
/// </summary>
internal readonly record struct Correlation(bool Exists, JsonNode? Old)
{
    /// <summary>No old value: everything is validated.</summary>
    public static Correlation None => default;

    /// <summary>Whether the value equals its old value in the ratcheting sense, so its errors are dropped.</summary>
    public bool IsUnchanged(SchemaNode schema, JsonNode? value) => Exists && AreEqual(schema, value, Old);

    /// <summary>The old value of field <paramref name="name"/>.</summary>
    public Correlation Field(string name) =>
        Exists && Old is JsonObject old && old.TryGetPropertyValue(name, out var value) ? new(true, value) : None;

    /// <summary>The old item of a map-type list that has the same keys as <paramref name="item"/>.</summary>
    public Correlation Item(SchemaNode listSchema, JsonNode? item) =>
        Exists && Old is JsonArray old && listSchema is { ListType: "map", Items: { } itemSchema } &&
        FindByKeys(listSchema, itemSchema, old, item) is { } match
            ? new(true, match)
            : None;

    /// <summary>apiserver's <c>CorrelatedObject.CachedDeepEqual</c>.</summary>
    private static bool AreEqual(SchemaNode schema, JsonNode? value, JsonNode? old)
    {
        if (value is null || old is null)
        {
            return value is null && old is null;
        }

        return (value, old) switch
        {
            (JsonArray items, JsonArray oldItems) => ArraysEqual(schema, items, oldItems),
            (JsonObject fields, JsonObject oldFields) => ObjectsEqual(schema, fields, oldFields),
            (JsonArray or JsonObject, _) or (_, JsonArray or JsonObject) => false,
            _ => GoEquality.DeepEqual(value, old),
        };
    }

    private static bool ArraysEqual(SchemaNode schema, JsonArray items, JsonArray oldItems)
    {
        if (items.Count != oldItems.Count)
        {
            return false;
        }

        if (schema.ListType != "map")
        {
            return GoEquality.DeepEqual(items, oldItems);
        }

        return schema.Items is { } itemSchema && items.All(item =>
            FindByKeys(schema, itemSchema, oldItems, item) is { } match && AreEqual(itemSchema, item, match));
    }

    private static bool ObjectsEqual(SchemaNode schema, JsonObject fields, JsonObject oldFields) =>
        fields.Count == oldFields.Count && fields.All(field =>
            schema.FieldSchema(field.Key) is { } fieldSchema &&
            oldFields.TryGetPropertyValue(field.Key, out var oldValue) &&
            AreEqual(fieldSchema, field.Value, oldValue));

    /// <summary>The first old item with the same map keys as <paramref name="item"/>, if any.</summary>
    private static JsonNode? FindByKeys(SchemaNode listSchema, SchemaNode itemSchema, JsonArray old, JsonNode? item) =>
        KeyValues(listSchema, itemSchema, item) is { } keys
            ? old.FirstOrDefault(candidate => KeyValues(listSchema, itemSchema, candidate) is { } oldKeys &&
                keys.Zip(oldKeys).All(pair => GoEquality.DeepEqual(pair.First, pair.Second)))
            : null;

    /// <summary>The values of the map keys of an item, taking key defaults for absent keys; null if unkeyed.</summary>
    private static List<JsonNode?>? KeyValues(SchemaNode listSchema, SchemaNode itemSchema, JsonNode? item)
    {
        if (item is not JsonObject fields || listSchema.ListMapKeys.Count == 0)
        {
            return null;
        }

        var values = new List<JsonNode?>();
        foreach (var key in listSchema.ListMapKeys)
        {
            if (fields.TryGetPropertyValue(key, out var value))
            {
                values.Add(value);
            }
            else if (itemSchema.Properties.TryGetValue(key, out var keySchema) && keySchema.Default is not null)
            {
                values.Add(keySchema.Default);
            }
            else
            {
                return null;
            }
        }

        return values;
    }
}
