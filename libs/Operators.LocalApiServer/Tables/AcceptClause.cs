using System.Globalization;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// One media range of an <c>Accept</c> header (<c>application/json;as=Table;v=v1;g=meta.k8s.io</c>),
/// read the way kube-apiserver's negotiation reads it.
/// </summary>
internal sealed record AcceptClause(string Type, string SubType, double Quality, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>
    /// The clauses of a header in the order the server tries them: by quality, then the more
    /// specific ranges first, otherwise as written. Malformed ranges are skipped.
    /// </summary>
    public static IReadOnlyList<AcceptClause> ParseHeader(string header)
    {
        var clauses = new List<AcceptClause>();
        foreach (var part in header.Split(','))
        {
            if (TryParse(part) is { } clause)
            {
                clauses.Add(clause);
            }
        }

        // Go's sort of a short slice is an insertion sort with this (not strictly weak) order.
        for (var i = 1; i < clauses.Count; i++)
        {
            for (var j = i; j > 0 && clauses[j].SortsBefore(clauses[j - 1]); j--)
            {
                (clauses[j], clauses[j - 1]) = (clauses[j - 1], clauses[j]);
            }
        }

        return clauses;
    }

    /// <summary>A parameter's value, or null.</summary>
    public string? Parameter(string name) => Parameters.GetValueOrDefault(name);

    private bool SortsBefore(AcceptClause other) =>
        Quality > other.Quality
        || (Type != "*" && other.Type == "*")
        || (SubType != "*" && other.SubType == "*");

    private static AcceptClause? TryParse(string part)
    {
        var pieces = part.Split(';');
        var range = pieces[0].Split('/');
        string type, subType;
        if (range.Length == 1 && range[0].Trim(' ') == "*")
        {
            (type, subType) = ("*", "*");
        }
        else if (range.Length == 2)
        {
            (type, subType) = (range[0].Trim(' '), range[1].Trim(' '));
        }
        else
        {
            return null;
        }

        var quality = 1.0;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in pieces.Skip(1))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length != 2)
            {
                continue;
            }

            var name = pair[0].Trim(' ');
            if (name == "q")
            {
                quality = double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var q) ? q : 0;
            }
            else
            {
                parameters[name] = pair[1].Trim(' ');
            }
        }

        return new AcceptClause(type, subType, quality, parameters);
    }
}
