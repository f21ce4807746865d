using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Selectors;

/// <summary>
/// A parsed field selector: <c>field=value</c>, <c>field==value</c> or <c>field!=value</c> terms
/// joined by commas, over the fields a resource supports (always <c>metadata.name</c> and
/// <c>metadata.namespace</c>; events add their involved object, reason, source and type).
/// </summary>
internal sealed class FieldSelector
{
    private static readonly string[] EventFields =
    [
        "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
        "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
        "reason", "reportingComponent", "source", "type",
    ];

    private readonly IReadOnlyList<(string Field, string Value, bool Equal)> _terms;

    private FieldSelector(IReadOnlyList<(string Field, string Value, bool Equal)> terms) => _terms = terms;

    /// <summary>The selector that matches everything.</summary>
    public static FieldSelector Everything { get; } = new([]);

    /// <summary>True when the selector needs the object's body (fields beyond name and namespace).</summary>
    public bool NeedsBody => _terms.Any(t => t.Field is not ("metadata.name" or "metadata.namespace"));

    /// <summary>The value required for <c>metadata.name</c> by an equality term, if any.</summary>
    public string? RequiredName => _terms.FirstOrDefault(t => t.Equal && t.Field == "metadata.name").Value;

    /// <summary>True when the object satisfies every term.</summary>
    public bool Matches(StoredObject obj)
    {
        JsonObject? body = null;
        foreach (var (field, value, equal) in _terms)
        {
            var actual = field switch
            {
                "metadata.name" => obj.Name,
                "metadata.namespace" => obj.Namespace,
                _ => Read(body ??= obj.ToNode(), field),
            };
            if ((actual == value) != equal)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a selector for a resource; 400 BadRequest for a malformed one or an unsupported field.</summary>
    public static FieldSelector Parse(string? text, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, string, bool)>();
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            var (op, at) = term.IndexOf("!=", StringComparison.Ordinal) is var ne and >= 0 ? ("!=", ne)
                : term.IndexOf("==", StringComparison.Ordinal) is var eq2 and >= 0 ? ("==", eq2)
                : ("=", term.IndexOf('=', StringComparison.Ordinal));
            if (at <= 0)
            {
                throw ApiException.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            }

            var field = term[..at].Trim();
            if (!Supported(field, type))
            {
                throw ApiException.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field, term[(at + op.Length)..].Trim(), op != "!="));
        }

        return new FieldSelector(terms);
    }

    private static bool Supported(string field, ResourceType type) =>
        field is "metadata.name" or "metadata.namespace"
        || (type.Plural == "events" && EventFields.Contains(field, StringComparer.Ordinal))
        || (type.Plural == "namespaces" && field == "status.phase")
        || (type.Plural == "secrets" && field == "type");

    private static string Read(JsonObject body, string field)
    {
        if (field == "source")
        {
            field = "source.component";
        }

        JsonNode? node = body;
        foreach (var part in field.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";
    }
}
