namespace Operators.LocalRun;

/// <summary>Where a kind is served.</summary>
/// <param name="GroupVersion">The API path of its group version: <c>/api/v1</c> or <c>/apis/&lt;group&gt;/&lt;version&gt;</c>.</param>
/// <param name="Plural">The resource name, e.g. <c>buildingblocks</c>.</param>
/// <param name="Namespaced">Whether objects live in a namespace.</param>
internal sealed record ApiResource(string GroupVersion, string Plural, bool Namespaced)
{
    /// <summary>The collection path of objects of this resource in <paramref name="ns"/>.</summary>
    /// <param name="ns">The namespace; ignored for cluster-scoped resources.</param>
    /// <returns>E.g. <c>/apis/openstack.operators.dev/v1alpha1/namespaces/openstack/buildingblocks</c>.</returns>
    public string CollectionPath(string? ns) =>
        Namespaced ? $"{GroupVersion}/namespaces/{ns ?? "default"}/{Plural}" : $"{GroupVersion}/{Plural}";

    /// <summary>The path of one object.</summary>
    /// <param name="ns">The namespace; ignored for cluster-scoped resources.</param>
    /// <param name="name">The object's name.</param>
    /// <returns>The path.</returns>
    public string ObjectPath(string? ns, string name) => CollectionPath(ns) + "/" + Uri.EscapeDataString(name);
}
