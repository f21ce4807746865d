using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Patching;

/// <summary>
/// JSON merge patch (RFC 7386, <c>application/merge-patch+json</c>) as kube-apiserver applies it:
/// null deletes a member, objects merge recursively, anything else replaces.
/// </summary>
/// <remarks>
/// Like kube-apiserver's merge patch library, a value that is added or that replaces a non-object
/// is stored without its null members and without null array elements (RFC 7386 would keep null
/// array elements).
/// </remarks>
internal static class JsonMergePatch
{
    /// <summary>Message of kube-apiserver for a merge patch body that is JSON null.</summary>
    internal const string NullPatchMessage = "Invalid JSON Patch";

    /// <summary>
    /// Applies <paramref name="patch"/> to a copy of <paramref name="target"/>; neither is changed.
    /// </summary>
    /// <exception cref="PatchException">400 when the patch is not a JSON object (kube-apiserver 1.36).</exception>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            throw PatchException.BadRequest(patch is null
                ? NullPatchMessage
                : $"error decoding patch: json: cannot unmarshal {GoTypeNames.DecoderWord(patch)} into Go value of type map[string]interface {{}}");
        }

        return Merge(target?.DeepClone(), patchObject);
    }

    private static JsonNode? Merge(JsonNode? current, JsonNode? patch)
    {
        if (current is not JsonObject currentObject)
        {
            return WithoutNulls(patch?.DeepClone());
        }

        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        foreach (var (key, patchValue) in patchObject)
        {
            if (patchValue is null)
            {
                currentObject.Remove(key);
                continue;
            }

            var existing = currentObject[key];
            var merged = existing is null ? WithoutNulls(patchValue.DeepClone()) : Merge(existing, patchValue);
            if (!ReferenceEquals(merged, existing))
            {
                currentObject[key] = merged;
            }
        }

        return currentObject;
    }

    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, value) in obj)
                {
                    WithoutNulls(value);
                }

                break;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is null)
                    {
                        array.RemoveAt(i);
                    }
                    else
                    {
                        WithoutNulls(array[i]);
                    }
                }

                break;
        }

        return node;
    }
}
