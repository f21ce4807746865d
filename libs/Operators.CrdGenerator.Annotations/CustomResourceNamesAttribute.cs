namespace Operators.CrdGenerator;

/// <summary>
/// The names of a custom resource beyond those of its <c>[KubernetesEntity]</c> attribute: short
/// names (<c>kubectl get bb</c>) and categories (<c>kubectl get openstack</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CustomResourceNamesAttribute : Attribute
{
    /// <summary>Short names, e.g. <c>bb</c>.</summary>
    public string[] ShortNames { get; init; } = [];

    /// <summary>Categories the resource belongs to, e.g. <c>openstack</c>.</summary>
    public string[] Categories { get; init; } = [];
}
