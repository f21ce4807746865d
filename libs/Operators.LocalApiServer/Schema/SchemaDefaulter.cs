using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// Applies schema defaults as apiextensions does after pruning: first nulls the schema does not allow and
/// cannot default are removed, then every absent field (or disallowed null) with a <c>default</c> gets a copy
/// of it, recursively, so defaults nested in a defaulted object apply too. Defaults only fill fields of
/// objects that exist; list items and additionalProperties values are defaulted through their schemas.
/// </summary>
internal static class SchemaDefaulter
{
    /// <summary>Removes disallowed nulls and fills defaults in <paramref name="value"/>, in place.</summary>
    public static void Apply(JsonNode? value, SchemaNode schema)
    {
        RemoveDisallowedNulls(value, schema);
        Default(value, schema);
    }

    /// <summary>apiextensions' <c>PruneNonNullableNullsWithoutDefaults</c>.</summary>
    private static void RemoveDisallowedNulls(JsonNode? value, SchemaNode? schema)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    var fieldSchema = schema?.FieldSchema(key);
                    if (child is null && fieldSchema is { Nullable: false, Default: null })
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        RemoveDisallowedNulls(child, fieldSchema);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RemoveDisallowedNulls(item, schema?.Items);
                }

                break;
        }
    }

    /// <summary>apiextensions' <c>structuraldefaulting.Default</c>.</summary>
    private static void Default(JsonNode? value, SchemaNode? schema)
    {
        if (schema is null)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                foreach (var name in schema.PropertyNames)
                {
                    var property = schema.Properties[name];
                    if (property.Default is not null &&
                        (!obj.TryGetPropertyValue(name, out var current) || IsDisallowedNull(current, property)))
                    {
                        obj[name] = DefaultOf(property);
                    }
                }

                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        Default(obj[key], property);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        if (IsDisallowedNull(obj[key], additional) && additional.Default is not null)
                        {
                            obj[key] = DefaultOf(additional);
                        }

                        Default(obj[key], additional);
                    }
                }

                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (IsDisallowedNull(array[i], items) && items.Default is not null)
                    {
                        array[i] = DefaultOf(items);
                    }

                    Default(array[i], items);
                }

                break;
        }
    }

    private static bool IsDisallowedNull(JsonNode? value, SchemaNode schema) => value is null && !schema.Nullable;

    /// <summary>A fresh copy of the default, pruned by its own schema as the server prunes defaults up front.</summary>
    private static JsonNode? DefaultOf(SchemaNode schema)
    {
        var copy = schema.Default!.DeepClone();
        SchemaPruner.Prune(copy, schema, isResourceRoot: false);
        return copy;
    }
}
