namespace Operators.Api;

/// <summary>The API group and version shared by the three custom resources.</summary>
public static class ApiGroup
{
    /// <summary>The API group.</summary>
    public const string Name = "openstack.operators.dev";

    /// <summary>The served and stored version.</summary>
    public const string Version = "v1alpha1";

    /// <summary><c>group/version</c>, the <c>apiVersion</c> of every object.</summary>
    public const string ApiVersion = Name + "/" + Version;

    /// <summary>The category of all three kinds: <c>kubectl get openstack</c> lists them.</summary>
    public const string Category = "openstack";
}
