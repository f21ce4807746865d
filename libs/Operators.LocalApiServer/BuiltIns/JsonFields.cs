using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// Small accessors over <see cref="JsonObject"/> that read fields the way Go decodes them:
/// a missing key, a JSON <c>null</c> and (for strings) <c>""</c> all mean "unset".
/// </summary>
internal static class JsonFields
{
    /// <summary>The string at <paramref name="key"/>, or null when absent or not a string.</summary>
    public static string? GetString(this JsonObject? obj, string key) =>
        obj?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The string at <paramref name="key"/>, or <c>""</c> when absent or not a string.</summary>
    public static string GetStringOrEmpty(this JsonObject? obj, string key) => obj.GetString(key) ?? "";

    /// <summary>The object at <paramref name="key"/>, or null.</summary>
    public static JsonObject? GetObject(this JsonObject? obj, string key) => obj?[key] as JsonObject;

    /// <summary>The array at <paramref name="key"/>, or null.</summary>
    public static JsonArray? GetArray(this JsonObject? obj, string key) => obj?[key] as JsonArray;

    /// <summary>The integer at <paramref name="key"/>, or null when absent or not an integer.</summary>
    public static long? GetInteger(this JsonObject? obj, string key) =>
        obj?[key] is JsonValue value && TryGetInteger(value, out var number) ? number : null;

    /// <summary>
    /// Reads a whole number from a parsed or a constructed value (a node made from an <c>int</c>
    /// does not answer <c>TryGetValue&lt;long&gt;</c>).
    /// </summary>
    public static bool TryGetInteger(JsonValue value, out long number)
    {
        number = 0;
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetValue(out long asLong))
        {
            number = asLong;
            return true;
        }

        if (value.TryGetValue(out int asInt))
        {
            number = asInt;
            return true;
        }

        return false;
    }

    /// <summary>True when the value at <paramref name="key"/> is JSON <c>true</c>.</summary>
    public static bool IsTrue(this JsonObject? obj, string key) =>
        obj?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    /// <summary>The object at <paramref name="key"/>, created empty when absent or null.</summary>
    public static JsonObject GetOrAddObject(this JsonObject obj, string key)
    {
        if (obj[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        obj[key] = created;
        return created;
    }

    /// <summary>Sets a string field that is absent, null or empty.</summary>
    public static void DefaultString(this JsonObject obj, string key, string value)
    {
        if (obj[key] is null || obj.GetString(key) is "")
        {
            obj[key] = value;
        }
    }

    /// <summary>Sets a field that is absent or null (a Go pointer field).</summary>
    public static void DefaultValue(this JsonObject obj, string key, JsonNode value)
    {
        if (obj[key] is null)
        {
            obj[key] = value;
        }
    }

    /// <summary>Sets a number that is absent, null or zero (a Go non-pointer number).</summary>
    public static void DefaultNonZero(this JsonObject obj, string key, long value)
    {
        if (obj[key] is null || obj.GetInteger(key) == 0)
        {
            obj[key] = value;
        }
    }

    /// <summary>Adds a key with a JSON null when it is absent (a Go struct time field that is always written).</summary>
    public static void DefaultNull(this JsonObject obj, string key)
    {
        if (!obj.ContainsKey(key))
        {
            obj[key] = null;
        }
    }

    /// <summary>The objects of an array field, with their index; non-objects are skipped.</summary>
    public static IEnumerable<(int Index, JsonObject Item)> Objects(this JsonObject? obj, string key)
    {
        var array = obj.GetArray(key);
        if (array is null)
        {
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject item)
            {
                yield return (i, item);
            }
        }
    }

    /// <summary>The string entries of a map field, such as labels or data.</summary>
    public static IEnumerable<KeyValuePair<string, string>> StringEntries(this JsonObject? obj, string key)
    {
        if (obj.GetObject(key) is not { } map)
        {
            yield break;
        }

        foreach (var (name, value) in map)
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                yield return new(name, v.GetValue<string>());
            }
        }
    }
}
