using Operators.Api;

namespace Operators.NovaAgent.Rendering;

/// <summary>The names the nova-agent operator gives to what it renders (DESIGN.md section 6.2).</summary>
internal static class AgentNames
{
    /// <summary>The operator's name: <c>app.kubernetes.io/managed-by</c>, the Lease, the Events' reporting controller.</summary>
    public const string OperatorName = "nova-agent";

    /// <summary>The prefix of both children: <c>nova-compute-&lt;host&gt;</c>.</summary>
    public const string ChildPrefix = "nova-compute-";

    /// <summary>The agent's container, and the value of <c>app.kubernetes.io/name</c>.</summary>
    public const string ContainerName = "nova-compute";

    /// <summary>The pod volume that carries the ConfigMap.</summary>
    public const string ConfigVolumeName = "nova-config";

    /// <summary>Where the configuration is mounted; oslo.config reads <c>/etc/nova/nova.conf.d/*.conf</c> by default.</summary>
    public const string ConfigMountPath = "/etc/nova/nova.conf.d";

    /// <summary>The pod template annotation that carries the configuration hash.</summary>
    public const string ConfigHashAnnotation = ApiGroup.Name + "/config-hash";

    /// <summary>The name of the ConfigMap and of the Deployment of <paramref name="host"/>.</summary>
    /// <param name="host">The nova host (<c>spec.host</c>).</param>
    /// <returns><c>nova-compute-&lt;host&gt;</c>.</returns>
    public static string ChildName(string host) => ChildPrefix + host;

    /// <summary>The host a child name stands for.</summary>
    /// <param name="childName">A ConfigMap or Deployment name.</param>
    /// <returns>The host, or null when the name does not have the children's form.</returns>
    public static string? HostOf(string? childName) =>
        childName is { Length: > 0 } name && name.StartsWith(ChildPrefix, StringComparison.Ordinal) && name.Length > ChildPrefix.Length
            ? name[ChildPrefix.Length..]
            : null;
}
