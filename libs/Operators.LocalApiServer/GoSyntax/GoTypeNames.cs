using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.GoSyntax;

/// <summary>The names Go's error messages give decoded JSON values.</summary>
internal static class GoTypeNames
{
    /// <summary>
    /// The type as <c>%s</c> prints a <c>reflect.Type</c>: <c>map[string]interface {}</c>, <c>[]interface {}</c>,
    /// <c>string</c>, <c>int64</c>, <c>float64</c>, <c>bool</c>, and <c>%!s(&lt;nil&gt;)</c> for nil.
    /// </summary>
    public static string ReflectType(GoJsonKind kind) => kind switch
    {
        GoJsonKind.Object => "map[string]interface {}",
        GoJsonKind.Array => "[]interface {}",
        GoJsonKind.String => "string",
        GoJsonKind.Int => "int64",
        GoJsonKind.Float => "float64",
        GoJsonKind.Bool => "bool",
        _ => "%!s(<nil>)",
    };

    /// <summary>
    /// The word <c>encoding/json</c> uses for a value it cannot unmarshal (<c>cannot unmarshal number into ...</c>):
    /// <c>object</c>, <c>array</c>, <c>string</c>, <c>number</c> or <c>bool</c>.
    /// </summary>
    public static string DecoderWord(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };
}
