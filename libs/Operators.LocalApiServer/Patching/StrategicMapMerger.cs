using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Patching;

/// <summary>
/// Strategic merge patch of one map (the object, or any object inside it): member by member,
/// null deletes, <c>$patch: replace|delete</c> act on the whole map, <c>$retainKeys</c> clears
/// the keys it does not list, lists go to <see cref="StrategicListMerger"/>.
/// </summary>
internal sealed class StrategicMapMerger
{
    private readonly StrategicMergeSchema _schema;
    private readonly StrategicListMerger _lists;

    /// <summary>Creates a merger following <paramref name="schema"/>.</summary>
    public StrategicMapMerger(StrategicMergeSchema schema)
    {
        _schema = schema;
        _lists = new StrategicListMerger(schema, this);
    }

    /// <summary>
    /// Merges <paramref name="patch"/> into <paramref name="original"/>, the map at
    /// <paramref name="path"/>; both are consumed. Returns the merged map, which is
    /// <paramref name="original"/> unless a <c>$patch</c> directive replaced or deleted it.
    /// </summary>
    public JsonObject Merge(JsonObject original, JsonObject patch, string path)
    {
        if (patch.TryGetPropertyValue(StrategicDirectives.Marker, out var directive))
        {
            return ApplyMapDirective(directive, patch);
        }

        ApplyRetainKeys(original, patch);
        SetElementOrderDirective.Apply(original, patch, path, _schema, _lists);
        var members = patch.ToList();
        patch.Clear();
        foreach (var (key, value) in members)
        {
            MergeMember(original, key, value, path);
        }

        return original;
    }

    private static JsonObject ApplyMapDirective(JsonNode? directive, JsonObject patch)
    {
        if (StrategicDirectives.Is(directive, StrategicDirectives.Replace))
        {
            patch.Remove(StrategicDirectives.Marker);
            return patch;
        }

        return StrategicDirectives.Is(directive, StrategicDirectives.Delete)
            ? []
            : throw StrategicMergeErrors.BadPatchType(directive, patch);
    }

    private static void ApplyRetainKeys(JsonObject original, JsonObject patch)
    {
        if (!patch.TryGetPropertyValue(StrategicDirectives.RetainKeys, out var retainKeys))
        {
            return;
        }

        patch.Remove(StrategicDirectives.RetainKeys);
        if (retainKeys is not JsonArray list)
        {
            throw StrategicMergeErrors.BadRetainKeys();
        }

        var kept = list.Where(k => GoJson.KindOf(k) == GoJsonKind.String).Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var patchedButNotKept = patch.Any(p => p.Value is not null
            && !p.Key.StartsWith(StrategicDirectives.DeleteFromPrimitiveListPrefix, StringComparison.Ordinal)
            && !p.Key.StartsWith(StrategicDirectives.SetElementOrderPrefix, StringComparison.Ordinal)
            && !kept.Contains(p.Key));
        if (patchedButNotKept)
        {
            throw StrategicMergeErrors.BadRetainKeys();
        }

        foreach (var key in original.Select(p => p.Key).Where(k => !kept.Contains(k)).ToList())
        {
            original.Remove(key);
        }
    }

    private void MergeMember(JsonObject original, string patchKey, JsonNode? patchValue, string path)
    {
        var key = patchKey;
        var isDeleteList = patchKey.StartsWith(StrategicDirectives.DeleteFromPrimitiveListPrefix, StringComparison.Ordinal);
        if (isDeleteList)
        {
            key = StrategicDirectives.ListKeyOf(patchKey, StrategicDirectives.DeleteFromPrimitiveListPrefix)
                ?? throw StrategicMergeErrors.BadPrimitiveListDirective();
        }

        if (patchValue is null)
        {
            original.Remove(key);
            return;
        }

        if (!original.TryGetPropertyValue(key, out var current) || GoJson.KindOf(current) != GoJson.KindOf(patchValue))
        {
            if (!isDeleteList)
            {
                SetNewValue(original, key, patchValue);
            }

            return;
        }

        var fieldPath = StrategicMergeSchema.Child(path, key);
        JsonNode merged = (current, patchValue) switch
        {
            (JsonObject map, JsonObject patchMap) => MergeMapField(map, patchMap, fieldPath),
            (JsonArray list, JsonArray patchList) => _lists.MergeField(list, patchList, fieldPath, isDeleteList),
            _ => patchValue,
        };
        if (!ReferenceEquals(merged, current))
        {
            original[key] = merged;
        }
    }

    private JsonObject MergeMapField(JsonObject current, JsonObject patch, string path) =>
        _schema.RuleFor(path)?.Strategy == PatchStrategy.Replace ? patch : Merge(current, patch, path);

    private static void SetNewValue(JsonObject original, string key, JsonNode patchValue)
    {
        if (StrategicDirectives.PrepareNewValue(patchValue))
        {
            original[key] = patchValue;
        }
        else
        {
            original.Remove(key);
        }
    }
}
