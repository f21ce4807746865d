using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// A step's <c>record</c>: absent (the whole body), <c>"status"</c> (only the status code),
/// <c>{"paths", "present"}</c> (selected values and presence flags) or <c>{"ignore"}</c> (the whole
/// body minus some paths).
/// </summary>
internal sealed class RecordSpec
{
    private RecordSpec(bool statusOnly, IReadOnlyList<RecordedPath> paths, IReadOnlyList<RecordedPath> present, IReadOnlyList<string> ignore)
    {
        StatusOnly = statusOnly;
        Paths = paths;
        Present = present;
        Ignore = ignore;
    }

    /// <summary>Record the whole body.</summary>
    public static RecordSpec Whole { get; } = new(false, [], [], []);

    /// <summary>True for <c>"status"</c>: no body is recorded.</summary>
    public bool StatusOnly { get; }

    /// <summary>Paths recorded as <c>path -> value</c>.</summary>
    public IReadOnlyList<RecordedPath> Paths { get; }

    /// <summary>Paths recorded as <c>path (present) -> bool</c>.</summary>
    public IReadOnlyList<RecordedPath> Present { get; }

    /// <summary>Paths removed from the whole body.</summary>
    public IReadOnlyList<string> Ignore { get; }

    /// <summary>True when values are picked by path rather than the body taken whole.</summary>
    public bool SelectsPaths => Paths.Count > 0 || Present.Count > 0;

    /// <summary>Reads a <c>record</c> value; <paramref name="substitute"/> resolves <c>${...}</c> in paths.</summary>
    public static RecordSpec Parse(JsonNode? record, Func<string, string> substitute)
    {
        if (JsonText.StringOf(record) == "status")
        {
            return new RecordSpec(true, [], [], []);
        }

        if (record is not JsonObject spec)
        {
            return Whole;
        }

        IReadOnlyList<RecordedPath> PathsOf(string key) =>
            JsonText.StringsOf(spec[key]).Select(path => new RecordedPath(path, substitute(path))).ToList();

        return new RecordSpec(false, PathsOf("paths"), PathsOf("present"), JsonText.StringsOf(spec["ignore"]).Select(substitute).ToList());
    }
}
