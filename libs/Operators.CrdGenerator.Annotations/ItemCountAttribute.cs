namespace Operators.CrdGenerator;

/// <summary>
/// Bounds the number of items of a list (<c>minItems</c>/<c>maxItems</c>). DataAnnotations'
/// <c>MinLength</c>/<c>MaxLength</c> are not used because they are not trim-safe.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ItemCountAttribute : Attribute
{
    /// <summary>The fewest items; -1 for no lower bound.</summary>
    /// <value>The default value is -1.</value>
    public int Min { get; init; } = -1;

    /// <summary>The most items; -1 for no upper bound.</summary>
    /// <value>The default value is -1.</value>
    public int Max { get; init; } = -1;
}
