namespace Operators.LocalRun;

/// <summary>One object that <see cref="ManifestApplier"/> applied.</summary>
/// <param name="Resource">The resource, e.g. <c>buildingblocks</c>.</param>
/// <param name="Namespace">The namespace, or null for cluster-scoped objects.</param>
/// <param name="Name">The name.</param>
/// <param name="Created">True when created, false when it existed and was patched.</param>
internal sealed record AppliedObject(string Resource, string? Namespace, string Name, bool Created)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Resource}/{Name}{(Namespace is null ? string.Empty : " -n " + Namespace)} {(Created ? "created" : "configured")}";
}
