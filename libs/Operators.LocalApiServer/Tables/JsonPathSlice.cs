using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// <c>[i]</c>, <c>[start:end:step]</c> or <c>[*]</c> on arrays. Negative bounds count from the end;
/// an index outside the array fails the evaluation (kube-apiserver then shows no value).
/// </summary>
/// <param name="start">The first index; null for 0.</param>
/// <param name="end">The end index (exclusive); null for the length.</param>
/// <param name="endFollowsIndex">True when <paramref name="end"/> was derived as <c>start + 1</c> for a single index.</param>
/// <param name="step">The step; null for 1.</param>
internal sealed partial class JsonPathSlice(int? start, int? end, bool endFollowsIndex, int? step) : JsonPathNode
{
    /// <summary>Parses the inside of the brackets: <c>2</c>, <c>-1</c>, <c>1:</c>, <c>:2</c>, <c>::2</c>, <c>:</c>.</summary>
    /// <exception cref="FormatException">It is not an index or a slice.</exception>
    public static JsonPathSlice Parse(string content)
    {
        var match = SliceOperator().Match(content);
        if (!match.Success)
        {
            throw new FormatException($"invalid array index {content}");
        }

        var first = Index(match.Groups[1].Value);
        var hasEnd = match.Groups[2].Success;
        var last = hasEnd ? Index(match.Groups[2].Value[1..]) : (first ?? 0) + 1;
        var stride = match.Groups[3].Success ? Index(match.Groups[3].Value[1..]) : null;
        return new JsonPathSlice(first, last, !hasEnd, stride);
    }

    /// <inheritdoc />
    public override IReadOnlyList<JsonNode?> Evaluate(IReadOnlyList<JsonNode?> input)
    {
        var results = new List<JsonNode?>();
        foreach (var value in input)
        {
            if (value is null)
            {
                continue;
            }

            if (value is not JsonArray array)
            {
                throw new JsonPathEvaluationException($"{GoJson.KindOf(value)} value is not array or slice");
            }

            var length = array.Count;
            var first = start ?? 0;
            if (first < 0)
            {
                first += length;
            }

            var last = end ?? length;
            if (last < 0 || (last == 0 && endFollowsIndex))
            {
                last += length;
            }

            if (first == last)
            {
                return results;
            }

            if (first < 0 || first >= length || last < 0 || last > length)
            {
                throw new JsonPathEvaluationException($"array index out of bounds: [{first}:{last}], length {length}");
            }

            if (first > last)
            {
                throw new JsonPathEvaluationException($"starting index {first} is greater than ending index {last}");
            }

            if (step <= 0)
            {
                throw new JsonPathEvaluationException("step must be > 0");
            }

            for (var i = first; i < last; i += step ?? 1)
            {
                results.Add(array[i]);
            }
        }

        return results;
    }

    private static int? Index(string digits) =>
        digits.Length == 0 ? null
        : int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index) ? index
        : throw new FormatException($"array index {digits} is not a number");

    [GeneratedRegex("^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$")]
    private static partial Regex SliceOperator();
}
