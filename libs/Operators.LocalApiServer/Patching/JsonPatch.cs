using System.Globalization;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Patching;

/// <summary>
/// JSON patch (RFC 6902, <c>application/json-patch+json</c>) as kube-apiserver applies it:
/// <c>add</c>, <c>remove</c>, <c>replace</c>, <c>move</c>, <c>copy</c> and <c>test</c>, in order,
/// all or nothing.
/// </summary>
/// <remarks>
/// Where kube-apiserver's JSON patch library departs from the RFC, this follows the library:
/// <c>replace</c> of a missing object member adds it; array indexes may be negative (counted from
/// the end, <c>-1</c> is the last element, or the end for <c>add</c>); a missing <c>value</c> is
/// null; <c>test</c> of a missing member passes when the expected value is null.
/// </remarks>
internal static class JsonPatch
{
    /// <summary>The most operations kube-apiserver accepts in one patch.</summary>
    public const int MaxOperations = 10000;

    /// <summary>
    /// Applies <paramref name="patchDocument"/> to a copy of <paramref name="target"/>; neither is changed.
    /// </summary>
    /// <exception cref="PatchException">400 for a document that is not a list of operations, 413
    /// for more than <see cref="MaxOperations"/>, 422 for an operation that does not apply.</exception>
    public static JsonNode Apply(JsonNode target, JsonNode? patchDocument)
    {
        var operations = JsonPatchOperation.ParseAll(patchDocument);
        if (operations.Count > MaxOperations)
        {
            throw PatchException.TooManyOperations(MaxOperations, operations.Count);
        }

        var document = target.DeepClone();
        foreach (var operation in operations)
        {
            document = ApplyOne(document, operation);
        }

        return document;
    }

    private static JsonNode ApplyOne(JsonNode document, JsonPatchOperation operation) => operation.Op switch
    {
        "add" => Add(document, Pointer(operation, operation.Path, "path"), operation.Value?.DeepClone()),
        "remove" => RemoveFrom(document, Pointer(operation, operation.Path, "path"), out _),
        "replace" => Replace(document, Pointer(operation, operation.Path, "path"), operation.Value?.DeepClone()),
        "move" => Move(document, operation),
        "copy" => Copy(document, operation),
        "test" => Test(document, Pointer(operation, operation.Path, "path"), operation.Value),
        _ => throw Fail($"Unexpected kind: {operation.Op}"),
    };

    private static JsonNode Add(JsonNode document, Location location, JsonNode? value)
    {
        if (location.IsRoot)
        {
            return value ?? throw Fail("add operation does not apply: the document cannot become null");
        }

        var container = ParentOf(document, location);
        if (container is JsonObject parent)
        {
            parent[location.Key] = value;
        }
        else
        {
            var array = container.AsArray();
            array.Insert(IndexForInsert(array, location), value);
        }

        return document;
    }

    private static JsonNode RemoveFrom(JsonNode document, Location location, out JsonNode? removed)
    {
        if (location.IsRoot)
        {
            throw Fail("remove operation does not apply: the whole document cannot be removed");
        }

        var container = ParentOf(document, location);
        if (container is JsonObject parent)
        {
            if (!parent.TryGetPropertyValue(location.Key, out removed))
            {
                throw Fail($"remove operation does not apply: doc is missing key: {location.Pointer}");
            }

            parent.Remove(location.Key);
        }
        else
        {
            var array = container.AsArray();
            var index = IndexOfElement(array, location);
            removed = array[index];
            array.RemoveAt(index);
        }

        return document;
    }

    private static JsonNode Replace(JsonNode document, Location location, JsonNode? value)
    {
        if (location.IsRoot)
        {
            return value is JsonObject or JsonArray
                ? value
                : throw Fail("replace operation value must be object or array");
        }

        var container = ParentOf(document, location);
        if (container is JsonObject parent)
        {
            parent[location.Key] = value;
        }
        else
        {
            var array = container.AsArray();
            array[IndexOfElement(array, location)] = value;
        }

        return document;
    }

    private static JsonNode Move(JsonNode document, JsonPatchOperation operation)
    {
        var from = Pointer(operation, operation.From, "from");
        if (from.IsRoot)
        {
            throw Fail("unable to move entire document to another path");
        }

        var path = Pointer(operation, operation.Path, "path");
        document = RemoveFrom(document, from, out var value);
        return Add(document, path, value);
    }

    private static JsonNode Copy(JsonNode document, JsonPatchOperation operation)
    {
        var from = Pointer(operation, operation.From, "from");
        var path = Pointer(operation, operation.Path, "path");
        if (!TryGet(document, from, out var value))
        {
            throw Fail($"copy operation does not apply: doc is missing from path: {from.Pointer}");
        }

        return Add(document, path, value?.DeepClone());
    }

    private static JsonNode Test(JsonNode document, Location location, JsonNode? expected)
    {
        var found = TryGet(document, location, out var actual);
        var passes = found ? JsonNode.DeepEquals(actual, expected) : expected is null;
        return passes ? document : throw Fail($"testing value {location.Pointer} failed");
    }

    private static bool TryGet(JsonNode document, Location location, out JsonNode? value)
    {
        if (location.IsRoot)
        {
            value = document;
            return true;
        }

        var container = ParentOf(document, location);
        if (container is JsonObject parent)
        {
            return parent.TryGetPropertyValue(location.Key, out value);
        }

        var array = container.AsArray();
        value = array[IndexOfElement(array, location)];
        return true;
    }

    /// <summary>The object or array holding the location's last token.</summary>
    private static JsonNode ParentOf(JsonNode document, Location location)
    {
        JsonNode? current = document;
        foreach (var token in location.Tokens.Take(location.Tokens.Count - 1))
        {
            current = current switch
            {
                JsonObject obj => obj[token],
                JsonArray array when TryParseIndex(token, out var i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
        }

        return current is JsonObject or JsonArray
            ? current
            : throw Fail($"doc is missing path: {location.Pointer}");
    }

    private static int IndexForInsert(JsonArray array, Location location)
    {
        if (location.Key == "-")
        {
            return array.Count;
        }

        var size = array.Count + 1;
        if (!TryParseIndex(location.Key, out var index) || index >= size || index < -size)
        {
            throw Fail($"Unable to access invalid index: {location.Pointer}");
        }

        return index < 0 ? index + size : index;
    }

    private static int IndexOfElement(JsonArray array, Location location)
    {
        if (!TryParseIndex(location.Key, out var index) || index >= array.Count || index < -array.Count)
        {
            throw Fail($"Unable to access invalid index: {location.Pointer}");
        }

        return index < 0 ? index + array.Count : index;
    }

    private static bool TryParseIndex(string token, out int index) =>
        int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out index);

    private static Location Pointer(JsonPatchOperation operation, string? pointer, string member)
    {
        if (pointer is null)
        {
            throw Fail($"{operation.Op} operation is missing its {member} field");
        }

        var tokens = JsonPointer.Parse(pointer) ?? throw Fail($"{operation.Op} operation does not apply: invalid pointer: {pointer}");
        return new Location(pointer, tokens);
    }

    private static PatchException Fail(string detail) => PatchException.Unprocessable(detail);

    /// <summary>A parsed JSON pointer.</summary>
    private readonly record struct Location(string Pointer, IReadOnlyList<string> Tokens)
    {
        public bool IsRoot => Tokens.Count == 0;

        public string Key => Tokens[^1];
    }
}
