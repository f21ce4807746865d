namespace Operators.LocalApiServer.GoSyntax;

/// <summary>
/// What a JSON value becomes once kube-apiserver decodes it into Go's <c>interface{}</c>: numbers
/// written as integers that fit 64 bits are <c>int64</c>, all other numbers <c>float64</c>.
/// Comparisons, type checks and printed values depend on the difference.
/// </summary>
internal enum GoJsonKind
{
    /// <summary>JSON <c>null</c> or an absent node: Go's nil.</summary>
    Null,

    /// <summary>A JSON object: <c>map[string]interface {}</c>.</summary>
    Object,

    /// <summary>A JSON array: <c>[]interface {}</c>.</summary>
    Array,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>A number written without fraction or exponent that fits <c>int64</c>.</summary>
    Int,

    /// <summary>Any other number: <c>float64</c>.</summary>
    Float,
}
