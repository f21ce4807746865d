namespace Operators.LocalApiServer.Tables;

/// <summary>The <c>includeObject</c> query parameter of a Table request: what each row's <c>object</c> holds.</summary>
internal enum TableIncludeObject
{
    /// <summary>A <c>PartialObjectMetadata</c> with the object's metadata (the default, and what kubectl asks for).</summary>
    Metadata,

    /// <summary>The whole object.</summary>
    Object,

    /// <summary>Nothing: <c>object</c> is <c>null</c>.</summary>
    None,
}
