namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>One parsed segment of a scenario path.</summary>
/// <param name="Kind">What the segment selects.</param>
/// <param name="Key">The object key (for <see cref="PathSegmentKind.Key"/> and <see cref="PathSegmentKind.Filter"/>).</param>
/// <param name="Index">The list index (for <see cref="PathSegmentKind.Index"/>).</param>
/// <param name="Value">The value to match (for <see cref="PathSegmentKind.Filter"/>).</param>
internal sealed record PathSegment(PathSegmentKind Kind, string Key = "", int Index = 0, string Value = "")
{
    /// <summary>Every element of a list.</summary>
    public static PathSegment All { get; } = new(PathSegmentKind.All);

    /// <summary>An object key.</summary>
    public static PathSegment ForKey(string key) => new(PathSegmentKind.Key, Key: key);

    /// <summary>A list index.</summary>
    public static PathSegment ForIndex(int index) => new(PathSegmentKind.Index, Index: index);

    /// <summary>The first list element whose <paramref name="key"/> equals <paramref name="value"/>.</summary>
    public static PathSegment ForFilter(string key, string value) => new(PathSegmentKind.Filter, Key: key, Value: value);
}
