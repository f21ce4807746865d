namespace Operators.LocalApiServer.Schema;

/// <summary>
/// The kinds of JSON values kube-apiserver tells apart after decoding a body: integers (Go <c>int64</c>)
/// are distinct from other numbers (Go <c>float64</c>), which matters for type checks, enums and uniqueness.
/// </summary>
internal enum ValueKind
{
    /// <summary>JSON <c>null</c> or an absent node.</summary>
    Null,

    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>A JSON array.</summary>
    Array,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A number written without fraction or exponent that fits into 64 bits.</summary>
    Integer,

    /// <summary>Any other number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
}
