using System.Globalization;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// The text kube-apiserver's JSONPath printer produces for one value, as used for CRD printer
/// columns of type <c>string</c>: strings as they are, numbers and booleans as Go prints them,
/// objects and arrays as compact JSON, and <c>&lt;no value&gt;</c> for <c>null</c>.
/// </summary>
internal static class JsonPathPrinter
{
    /// <summary>The printed form of <paramref name="value"/>.</summary>
    public static string Print(JsonNode? value) => GoValues.KindOf(value) switch
    {
        GoValueKind.Null => "<no value>",
        GoValueKind.String => value!.GetValue<string>(),
        GoValueKind.Bool => value!.GetValue<bool>() ? "true" : "false",
        GoValueKind.Int => GoValues.Int(value!).ToString(CultureInfo.InvariantCulture),
        GoValueKind.Float => GoFloatFormat.Print(GoValues.Float(value!)),
        _ => GoJson.Serialize(value),
    };
}
