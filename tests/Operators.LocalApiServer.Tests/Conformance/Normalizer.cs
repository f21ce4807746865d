using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// The value part of normalization, one instance per scenario run so that numbering spans the
/// scenario: uids become <c>&lt;uid:N&gt;</c> and object resourceVersions <c>&lt;rv:N&gt;</c> by first
/// appearance; list and Table RVs become <c>&lt;list-rv&gt;</c> and bookmark RVs <c>&lt;bookmark-rv&gt;</c>
/// (both still take a number, as a first appearance); a non-empty <c>continue</c> becomes
/// <c>&lt;continue&gt;</c>; names made from <c>generateName</c> become <c>&lt;prefix&gt;&lt;gen:N&gt;</c>;
/// RFC 3339 timestamps the scenario did not send become <c>&lt;ts&gt;</c>; the namespace name and the
/// run id inside any string become <c>${ns}</c> and <c>${run}</c>.
/// </summary>
/// <remarks>
/// Values are judged by where they sit in the document they came from (their key, their parent
/// object), so a value selected by a path normalizes as it would inside the whole body.
/// </remarks>
internal sealed partial class Normalizer
{
    /// <summary>Longest prefix the API server keeps of a too-long <c>generateName</c>.</summary>
    private const int MaxGenerateNamePrefix = 58;

    private readonly string _namespaceName;
    private readonly string _runId;
    private readonly HashSet<string> _sentStrings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _uids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _resourceVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _generatedNames = new(StringComparer.Ordinal);

    /// <param name="namespaceName">The scenario namespace, written back as <c>${ns}</c>.</param>
    /// <param name="runId">The run id, written back as <c>${run}</c>.</param>
    public Normalizer(string namespaceName, string runId)
    {
        _namespaceName = namespaceName;
        _runId = runId;
    }

    /// <summary>Remembers every string in <paramref name="sent"/> as sent by the scenario (kept verbatim when a timestamp).</summary>
    public void AddSentStrings(JsonNode? sent)
    {
        switch (sent)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    AddSentStrings(value);
                }

                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    AddSentStrings(element);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                _sentStrings.Add(text);
                break;
            default:
                break;
        }
    }

    /// <summary>The normalized copy of a selection; absent becomes <c>"&lt;absent&gt;"</c>, <c>[*]</c> a list.</summary>
    public JsonNode? Normalize(Selection selection)
    {
        if (selection.IsAbsent)
        {
            return JsonValue.Create(Selection.AbsentText);
        }

        return selection.IsMany
            ? new JsonArray(selection.Items.Select(Normalize).ToArray())
            : Normalize(selection.Node);
    }

    /// <summary>The normalized copy of <paramref name="node"/>, judged in the document it belongs to.</summary>
    public JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => NormalizeObject(obj),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(NormalizeString(value, text)),
        _ => node?.DeepClone(),
    };

    /// <summary>The text with the namespace name and run id written as <c>${ns}</c> and <c>${run}</c>.</summary>
    public string NormalizeText(string text) => text
        .Replace(_namespaceName, "${ns}", StringComparison.Ordinal)
        .Replace(_runId, "${run}", StringComparison.Ordinal);

    private JsonObject NormalizeObject(JsonObject obj)
    {
        var normalized = new JsonObject();
        foreach (var (key, value) in obj)
        {
            normalized[NormalizeText(key)] = Normalize(value);
        }

        return normalized;
    }

    private string NormalizeString(JsonValue value, string text)
    {
        var owner = value.Parent as JsonObject;
        var key = owner is null ? null : value.GetPropertyName();
        if ((key == "uid" && text.Length > 0) || _uids.ContainsKey(text))
        {
            return Number(_uids, text, "uid");
        }

        if (key == "resourceVersion" && text.Length > 0)
        {
            var placeholder = Number(_resourceVersions, text, "rv");
            return ContainerRvPlaceholder(owner!) ?? placeholder;
        }

        if (key == "continue" && text.Length > 0)
        {
            return "<continue>";
        }

        if (key == "name" && GeneratedName(owner!, text) is { } generated)
        {
            return generated;
        }

        if (_generatedNames.TryGetValue(text, out var knownGenerated))
        {
            return knownGenerated;
        }

        return Timestamp().IsMatch(text) && !_sentStrings.Contains(text) ? "<ts>" : NormalizeText(text);
    }

    /// <summary><c>&lt;list-rv&gt;</c> or <c>&lt;bookmark-rv&gt;</c> when <paramref name="metadata"/> belongs to a list or a bookmark.</summary>
    private static string? ContainerRvPlaceholder(JsonObject metadata)
    {
        if (metadata.Parent is not JsonObject container || metadata.GetPropertyName() != "metadata")
        {
            return null;
        }

        if (KubeObjects.IsListLike(container))
        {
            return "<list-rv>";
        }

        var isBookmark = container.Parent is JsonObject watchEvent
            && container.GetPropertyName() == "object"
            && JsonText.StringOf(watchEvent["type"]) == "BOOKMARK";
        return isBookmark ? "<bookmark-rv>" : null;
    }

    private string? GeneratedName(JsonObject metadata, string name)
    {
        var generateName = JsonText.StringOf(metadata["generateName"]);
        if (string.IsNullOrEmpty(generateName))
        {
            return null;
        }

        var prefix = name.StartsWith(generateName, StringComparison.Ordinal)
            ? generateName
            : generateName[..Math.Min(generateName.Length, MaxGenerateNamePrefix)];
        if (name.Length <= prefix.Length || !name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        if (!_generatedNames.TryGetValue(name, out var placeholder))
        {
            placeholder = NormalizeText(prefix) + "<gen:" + Count(_generatedNames) + ">";
            _generatedNames[name] = placeholder;
        }

        return placeholder;
    }

    private static string Number(Dictionary<string, string> numbering, string raw, string label)
    {
        if (!numbering.TryGetValue(raw, out var placeholder))
        {
            placeholder = "<" + label + ":" + Count(numbering) + ">";
            numbering[raw] = placeholder;
        }

        return placeholder;
    }

    private static string Count(Dictionary<string, string> numbering) =>
        (numbering.Count + 1).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
