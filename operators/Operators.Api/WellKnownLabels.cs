namespace Operators.Api;

/// <summary>The labels every operator puts on what it creates (DESIGN.md section 6.0).</summary>
public static class WellKnownLabels
{
    /// <summary>The operator that manages the object, e.g. <c>building-block</c>.</summary>
    public const string ManagedBy = "app.kubernetes.io/managed-by";

    /// <summary>Always <see cref="PartOfValue"/>.</summary>
    public const string PartOf = "app.kubernetes.io/part-of";

    /// <summary>The value of <see cref="PartOf"/>.</summary>
    public const string PartOfValue = "openstack";

    /// <summary>The building block the object belongs to.</summary>
    public const string BuildingBlock = ApiGroup.Name + "/building-block";

    /// <summary>The nova host the object serves.</summary>
    public const string Host = ApiGroup.Name + "/host";

    /// <summary>The availability zone (the well-known Kubernetes topology label).</summary>
    public const string Zone = "topology.kubernetes.io/zone";
}
