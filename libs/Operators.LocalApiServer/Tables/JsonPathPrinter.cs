using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// The text kube-apiserver's JSONPath printer produces for one value, as used for CRD printer
/// columns of type <c>string</c>: strings as they are, numbers and booleans as Go prints them,
/// objects and arrays as compact JSON, and <c>&lt;no value&gt;</c> for <c>null</c>.
/// </summary>
internal static class JsonPathPrinter
{
    /// <summary>The printed form of <paramref name="value"/>.</summary>
    public static string Print(JsonNode? value) => GoJson.KindOf(value) switch
    {
        GoJsonKind.Null => "<no value>",
        GoJsonKind.Object or GoJsonKind.Array => GoJsonText.Marshal(value),
        _ => GoValueText.Value(value),
    };
}
