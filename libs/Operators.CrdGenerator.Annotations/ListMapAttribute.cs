namespace Operators.CrdGenerator;

/// <summary>
/// Marks a list as <c>x-kubernetes-list-type: map</c>: items are objects identified by the given
/// keys, which must be unique (a real API server rejects duplicates with 422) and required.
/// </summary>
/// <param name="keys">The properties (JSON names) that identify an item, e.g. <c>name</c>.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ListMapAttribute(params string[] keys) : Attribute
{
    /// <summary>The JSON names of the key properties.</summary>
    public IReadOnlyList<string> Keys { get; } = keys;
}
