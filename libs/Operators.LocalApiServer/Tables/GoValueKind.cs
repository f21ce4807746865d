namespace Operators.LocalApiServer.Tables;

/// <summary>
/// What a JSON value becomes when kube-apiserver decodes an object into Go's
/// <c>map[string]interface{}</c>: integral numbers are <c>int64</c>, other numbers <c>float64</c>.
/// JSONPath comparisons and cell conversions depend on this distinction.
/// </summary>
internal enum GoValueKind
{
    /// <summary>JSON <c>null</c>.</summary>
    Null,

    /// <summary>A JSON object (a Go map).</summary>
    Object,

    /// <summary>A JSON array (a Go slice).</summary>
    Array,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>A number written as an integer that fits <c>int64</c>.</summary>
    Int,

    /// <summary>Any other number.</summary>
    Float,
}
