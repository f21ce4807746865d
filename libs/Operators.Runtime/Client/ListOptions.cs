namespace Operators.Runtime.Client;

/// <summary>Options of a list request.</summary>
public sealed record ListOptions
{
    /// <summary>Gets a label selector, e.g. <c>app=nova,tier!=db</c>.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Gets a field selector, e.g. <c>metadata.name=foo</c>.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Gets the page size; null or 0 lists everything in one response.</summary>
    public int? Limit { get; init; }

    /// <summary>Gets the continue token of the previous page.</summary>
    public string? Continue { get; init; }
}
