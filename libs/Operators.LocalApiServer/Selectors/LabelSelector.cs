using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Selectors;

/// <summary>
/// A parsed label selector in the query syntax of kube-apiserver: <c>k=v</c>, <c>k==v</c>,
/// <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a)</c>, <c>k</c> and <c>!k</c>, joined by commas.
/// </summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) =>
        _requirements = requirements;

    /// <summary>The selector that matches everything.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>True when every requirement holds for <paramref name="labels"/>.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var requirement in _requirements)
        {
            if (!requirement(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a selector; 400 BadRequest when it is malformed.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var term in SplitTopLevel(text))
        {
            requirements.Add(ParseTerm(term.Trim(), text));
        }

        return new LabelSelector(requirements);
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseTerm(string term, string whole)
    {
        if (term.Length == 0)
        {
            throw Bad(whole);
        }

        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            RequireKey(key, whole);
            return labels => !labels.ContainsKey(key);
        }

        var setMatch = SetTerm(term, whole);
        if (setMatch is not null)
        {
            return setMatch;
        }

        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var key = term[..at].Trim();
            var value = term[(at + op.Length)..].Trim();
            RequireKey(key, whole);
            if (op == "!=")
            {
                return labels => !labels.TryGetValue(key, out var v) || v != value;
            }

            return labels => labels.TryGetValue(key, out var v) && v == value;
        }

        RequireKey(term, whole);
        return labels => labels.ContainsKey(term);
    }

    private static Func<IReadOnlyDictionary<string, string>, bool>? SetTerm(string term, string whole)
    {
        var open = term.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        if (!term.EndsWith(')'))
        {
            throw Bad(whole);
        }

        var head = term[..open].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (head.Length != 2 || (head[1] != "in" && head[1] != "notin"))
        {
            throw Bad(whole);
        }

        var key = head[0];
        RequireKey(key, whole);
        var values = term[(open + 1)..^1].Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
        return head[1] == "in"
            ? labels => labels.TryGetValue(key, out var v) && values.Contains(v)
            : labels => !labels.TryGetValue(key, out var v) || !values.Contains(v);
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..];
    }

    private static void RequireKey(string key, string whole)
    {
        if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '=' or '!' or '(' or ')' or ','))
        {
            throw Bad(whole);
        }
    }

    private static ApiException Bad(string text) =>
        ApiException.BadRequest($"unable to parse requirement: found '{text}', expected: label selector");
}
