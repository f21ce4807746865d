namespace Operators.LocalApiServer.GoSyntax;

/// <summary>String collections as Go's <c>%#v</c> prints them, as kube-apiserver shows some bad values.</summary>
internal static class GoLiteral
{
    /// <summary>A <c>[]string</c>: <c>[]string{"a", "b"}</c>.</summary>
    public static string StringSlice(IEnumerable<string> values) =>
        "[]string{" + string.Join(", ", values.Select(GoQuote.Quote)) + "}";

    /// <summary>A <c>map[string]string</c>, keys sorted: <c>map[string]string{"a":"1", "b":"2"}</c>.</summary>
    public static string StringMap(IEnumerable<KeyValuePair<string, string>> entries) =>
        "map[string]string{" +
        string.Join(", ", entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => GoQuote.Quote(e.Key) + ":" + GoQuote.Quote(e.Value))) +
        "}";
}
