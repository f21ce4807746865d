namespace Operators.Charts.Tests.Schema;

/// <summary>What kubernetes-models said about one object: <c>valid</c>, <c>invalid</c> (with <see cref="Errors"/>) or <c>unknown</c> (no schema for the kind).</summary>
internal sealed record SchemaVerdict(string ApiVersion, string Kind, string Name, string Status, IReadOnlyList<string> Errors)
{
    /// <inheritdoc />
    public override string ToString() => $"{ApiVersion} {Kind} {Name}";
}
