using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// Drops fields a structural schema does not know, as apiextensions' pruning does, and records their paths
/// (<c>spec.hosts[0].rack</c>) for unknown-field warnings and strict decoding errors.
/// </summary>
/// <remarks>
/// Below <c>x-kubernetes-preserve-unknown-fields</c> unknown fields stay, but declared properties are still
/// pruned by their own schemas. Objects marked <c>x-kubernetes-embedded-resource</c> (and the resource root)
/// keep <c>apiVersion</c>, <c>kind</c> and <c>metadata</c> untouched. A field under an
/// <c>additionalProperties</c> without a schema loses everything nested in it.
/// </remarks>
internal sealed class SchemaPruner
{
    private static readonly HashSet<string> MetaFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    private readonly List<string> _pruned = [];

    private SchemaPruner()
    {
    }

    /// <summary>
    /// Prunes <paramref name="value"/> in place and returns the removed paths sorted as Go sorts strings.
    /// <paramref name="isResourceRoot"/> treats the value as a whole resource (its meta fields are kept).
    /// </summary>
    public static IReadOnlyList<string> Prune(JsonNode? value, SchemaNode? schema, bool isResourceRoot)
    {
        var pruner = new SchemaPruner();
        pruner.Prune(value, schema, "", isResourceRoot);
        pruner._pruned.Sort(StringComparer.Ordinal);
        return pruner._pruned;
    }

    private void Prune(JsonNode? value, SchemaNode? schema, string path, bool isRoot)
    {
        if (schema is { PreserveUnknownFields: true })
        {
            KeepUnknown(value, schema, path, isRoot);
            return;
        }

        var embedded = isRoot || schema is { EmbeddedResource: true };
        switch (value)
        {
            case JsonObject obj when schema is null:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    _pruned.Add(FieldPath.Child(path, key));
                    obj.Remove(key);
                }

                break;
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (embedded && MetaFields.Contains(key))
                    {
                        continue;
                    }

                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        Prune(child, property, FieldPath.Child(path, key), isRoot: false);
                    }
                    else if (schema.HasAdditionalProperties)
                    {
                        Prune(child, schema.AdditionalProperties, FieldPath.Child(path, key), isRoot: false);
                    }
                    else
                    {
                        if (!MetaFields.Contains(key) || path.Length > 0)
                        {
                            _pruned.Add(FieldPath.Child(path, key));
                        }

                        obj.Remove(key);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Prune(array[i], schema?.Items, FieldPath.Index(path, i), isRoot: false);
                }

                break;
        }
    }

    /// <summary>Below x-kubernetes-preserve-unknown-fields: only declared properties are pruned further.</summary>
    private void KeepUnknown(JsonNode? value, SchemaNode? schema, string path, bool isRoot)
    {
        if (schema is null)
        {
            return;
        }

        var embedded = isRoot || schema.EmbeddedResource;
        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (embedded && MetaFields.Contains(key))
                    {
                        continue;
                    }

                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        Prune(child, property, FieldPath.Child(path, key), isRoot: false);
                    }
                    else if (schema.HasAdditionalProperties)
                    {
                        Prune(child, schema.AdditionalProperties, FieldPath.Child(path, key), isRoot: false);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    KeepUnknown(array[i], schema.Items, FieldPath.Index(path, i), isRoot: false);
                }

                break;
        }
    }
}
