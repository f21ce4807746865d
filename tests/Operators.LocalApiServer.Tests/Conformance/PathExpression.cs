using System.Globalization;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Parses scenario paths: dot-separated keys, <c>[N]</c>, <c>[*]</c>, <c>[key=value]</c> and
/// <c>['a.b/c']</c>. Brackets are read whole, so a filter value may hold dots (<c>[name=apps.k8s.io]</c>).
/// </summary>
internal static class PathExpression
{
    private static readonly char[] KeyEnds = ['.', '['];

    /// <summary>The segments of <paramref name="path"/>; an empty path selects the root.</summary>
    public static IReadOnlyList<PathSegment> Parse(string path)
    {
        var segments = new List<PathSegment>();
        var position = 0;
        while (position < path.Length)
        {
            switch (path[position])
            {
                case '.':
                    position++;
                    break;
                case '[':
                    position = ParseBracket(path, position, segments);
                    break;
                default:
                    var end = path.IndexOfAny(KeyEnds, position);
                    end = end < 0 ? path.Length : end;
                    segments.Add(PathSegment.ForKey(path[position..end]));
                    position = end;
                    break;
            }
        }

        return segments;
    }

    private static int ParseBracket(string path, int open, List<PathSegment> segments)
    {
        var start = open + 1;
        if (start < path.Length && path[start] is '\'' or '"')
        {
            var closingQuote = path.IndexOf(path[start], start + 1);
            if (closingQuote < 0 || closingQuote + 1 >= path.Length || path[closingQuote + 1] != ']')
            {
                throw new FormatException($"Unclosed quoted key in path '{path}'.");
            }

            segments.Add(PathSegment.ForKey(path[(start + 1)..closingQuote]));
            return closingQuote + 2;
        }

        var close = path.IndexOf(']', start);
        if (close < 0)
        {
            throw new FormatException($"Unclosed '[' in path '{path}'.");
        }

        segments.Add(ParseBracketContent(path[start..close]));
        return close + 1;
    }

    private static PathSegment ParseBracketContent(string content)
    {
        if (content == "*")
        {
            return PathSegment.All;
        }

        var equals = content.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            return PathSegment.ForFilter(content[..equals], content[(equals + 1)..]);
        }

        return int.TryParse(content, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)
            ? PathSegment.ForIndex(index)
            : PathSegment.ForKey(content);
    }
}
