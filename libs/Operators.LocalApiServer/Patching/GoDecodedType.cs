namespace Operators.LocalApiServer.Patching;

/// <summary>
/// The Go type a JSON value has once kube-apiserver decodes it into <c>interface{}</c> (integers
/// are kept as <c>int64</c>), which decides how strategic merge patch compares and merges it.
/// </summary>
internal enum GoDecodedType
{
    /// <summary>JSON null: Go's nil.</summary>
    Nil,

    /// <summary>A JSON object: <c>map[string]interface {}</c>.</summary>
    Map,

    /// <summary>A JSON array: <c>[]interface {}</c>.</summary>
    Slice,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number written without fraction or exponent that fits 64 bits.</summary>
    Int64,

    /// <summary>Any other JSON number.</summary>
    Float64,

    /// <summary>JSON true or false.</summary>
    Bool,
}
