using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Schema;

/// <summary>Reads typed keywords of one schema object, failing with the keyword's path when a type is wrong.</summary>
internal sealed class KeywordReader(JsonObject json, string path)
{
    /// <summary>The path of the schema object, for messages.</summary>
    public string Path { get; } = path;

    /// <summary>A string keyword, or null when absent.</summary>
    public string? String(string keyword) => Read(keyword, GoJsonKind.String, "a string", GoJson.GetString);

    /// <summary>A boolean keyword; false when absent.</summary>
    public bool Boolean(string keyword) => Read(keyword, GoJsonKind.Bool, "a boolean", GoJson.GetBool);

    /// <summary>A numeric keyword, or null when absent.</summary>
    public double? Number(string keyword) => json[keyword] switch
    {
        null => null,
        var value when GoJson.KindOf(value) is GoJsonKind.Int or GoJsonKind.Float => GoJson.GetDouble(value),
        _ => throw Wrong(keyword, "a number"),
    };

    /// <summary>A non-negative integer keyword, or null when absent.</summary>
    public long? Integer(string keyword)
    {
        if (json[keyword] is null)
        {
            return null;
        }

        return GoJson.TryGetInt64(json[keyword], out var value) && value >= 0
            ? value
            : throw Wrong(keyword, "a non-negative integer");
    }

    /// <summary>An object keyword, or null when absent.</summary>
    public JsonObject? Object(string keyword) => json[keyword] switch
    {
        null => null,
        JsonObject value => value,
        _ => throw Wrong(keyword, "an object"),
    };

    /// <summary>An array keyword, or null when absent.</summary>
    public JsonArray? Array(string keyword) => json[keyword] switch
    {
        null => null,
        JsonArray value => value,
        _ => throw Wrong(keyword, "an array"),
    };

    /// <summary>An array of strings; empty when absent.</summary>
    public IReadOnlyList<string> Strings(string keyword) =>
        Array(keyword)?.Select(item => GoJson.KindOf(item) == GoJsonKind.String
            ? GoJson.GetString(item!)
            : throw Wrong(keyword, "an array of strings")).ToList() ?? [];

    private T? Read<T>(string keyword, GoJsonKind kind, string expected, Func<JsonNode, T> read)
    {
        var value = json[keyword];
        if (value is null)
        {
            return default;
        }

        return GoJson.KindOf(value) == kind ? read(value) : throw Wrong(keyword, expected);
    }

    private ArgumentException Wrong(string keyword, string expected) =>
        new($"{Path}.{keyword} must be {expected}");
}
