namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>How one segment of a scenario path picks from the value before it.</summary>
internal enum PathSegmentKind
{
    /// <summary>An object key: <c>metadata</c> or <c>['a.b/c']</c>.</summary>
    Key,

    /// <summary>A list index: <c>[0]</c> (negative counts from the end).</summary>
    Index,

    /// <summary>Every list element: <c>[*]</c>, which yields a list.</summary>
    All,

    /// <summary>The first list element whose key equals a value, compared as text: <c>[name=agent]</c>.</summary>
    Filter,
}
