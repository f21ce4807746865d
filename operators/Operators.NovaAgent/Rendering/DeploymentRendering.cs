using k8s.Models;
using Operators.Api;
using Operators.Api.NovaAgents;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Rendering;

/// <summary>
/// Renders the agent's Deployment <c>nova-compute-&lt;host&gt;</c> onto a new or live object. Only
/// the fields listed on <see cref="Apply"/> are set; everything else (the API server's defaults such
/// as <c>imagePullPolicy</c> or <c>dnsPolicy</c>, labels and template annotations others add) is
/// left as it is, so a live object that matches needs no write.
/// </summary>
internal static class DeploymentRendering
{
    /// <summary>Old ReplicaSets kept for <c>kubectl rollout undo</c>.</summary>
    public const int RevisionHistoryLimit = 5;

    /// <summary>Seconds added to the graceful shutdown time for <c>terminationGracePeriodSeconds</c>.</summary>
    public const int ShutdownMarginSeconds = 30;

    /// <summary>The mode of the configuration files: 0644.</summary>
    public const int ConfigFileMode = 420;

    /// <summary>The weight of the preferred zone affinity (the maximum).</summary>
    public const int ZoneAffinityWeight = 100;

    /// <summary>The node label that pins a pod to one node.</summary>
    public const string HostnameLabel = "kubernetes.io/hostname";

    /// <summary>A new Deployment with only its name and namespace, for <see cref="Apply"/> to fill.</summary>
    /// <param name="agent">The NovaAgent.</param>
    /// <returns>The skeleton.</returns>
    public static V1Deployment Skeleton(V1Alpha1NovaAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = V1Deployment.KubeKind,
            Metadata = new V1ObjectMeta { Name = AgentNames.ChildName(agent.Spec.Host), NamespaceProperty = agent.Metadata.NamespaceProperty },
        };
    }

    /// <summary>
    /// Sets what the operator owns: labels (merged), the controller reference, <c>replicas</c> (1, or 0
    /// in maintenance), <c>revisionHistoryLimit</c>, the selector, the <c>Recreate</c> strategy,
    /// <c>paused</c> (cleared), the pod template's labels (exactly) and config-hash annotation, the
    /// grace period, node selector, zone affinity, security context, the one volume and the one
    /// container <c>nova-compute</c> (image, resources, mount, security context; no command, args,
    /// env, ports or probes).
    /// </summary>
    /// <param name="target">The new or live Deployment.</param>
    /// <param name="agent">The controlling NovaAgent.</param>
    /// <param name="configHash">The hash of the rendered ConfigMap data (see <see cref="ConfigHash"/>).</param>
    /// <exception cref="AlreadyControlledException">The Deployment has another controller.</exception>
    public static void Apply(V1Deployment target, V1Alpha1NovaAgent agent, string configHash)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrEmpty(configHash);
        var spec = agent.Spec;
        var labels = AgentLabels.For(spec);
        target.Metadata ??= new V1ObjectMeta();
        target.Metadata.Labels = AgentLabels.Merge(target.Metadata.Labels, labels);
        OwnerReferences.SetController(agent, target);

        var deployment = target.Spec ??= new V1DeploymentSpec();
        deployment.Replicas = spec.Maintenance is null ? 1 : 0;
        deployment.RevisionHistoryLimit = RevisionHistoryLimit;
        deployment.Selector = new V1LabelSelector { MatchLabels = AgentLabels.Selector(spec.Host) };
        deployment.Strategy = new V1DeploymentStrategy { Type = "Recreate" };
        deployment.Paused = null;

        var template = deployment.Template ??= new V1PodTemplateSpec();
        template.Metadata ??= new V1ObjectMeta();
        template.Metadata.Labels = labels;
        template.Metadata.Annotations = AgentLabels.Merge(
            template.Metadata.Annotations, new Dictionary<string, string>(StringComparer.Ordinal) { [AgentNames.ConfigHashAnnotation] = configHash });

        var driver = NovaComputeConfig.DriverOf(spec);
        var pod = template.Spec ??= new V1PodSpec();
        pod.TerminationGracePeriodSeconds = NovaComputeConfig.GracefulShutdownSecondsOf(spec) + ShutdownMarginSeconds;
        pod.NodeSelector = NodeSelector(spec);
        pod.Affinity = ZoneAffinity(spec.AvailabilityZone);
        pod.SecurityContext = AgentSecurity.Pod(driver);
        pod.AutomountServiceAccountToken = false;
        pod.InitContainers = null;
        pod.Volumes =
        [
            new V1Volume
            {
                Name = AgentNames.ConfigVolumeName,
                ConfigMap = new V1ConfigMapVolumeSource { Name = AgentNames.ChildName(spec.Host), DefaultMode = ConfigFileMode },
            },
        ];
        var container = pod.Containers?.FirstOrDefault(c => c.Name == AgentNames.ContainerName) ?? new V1Container { Name = AgentNames.ContainerName };
        ApplyContainer(container, spec, driver);
        pod.Containers = [container];
    }

    /// <summary>The pod's node selector: <c>spec.nodeSelector</c> plus <c>kubernetes.io/hostname: &lt;nodeName&gt;</c> when pinned.</summary>
    /// <param name="spec">The NovaAgent's spec.</param>
    /// <returns>The selector, or null when there is nothing to select on.</returns>
    public static Dictionary<string, string>? NodeSelector(NovaAgentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var selector = new Dictionary<string, string>(spec.NodeSelector ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(spec.NodeName))
        {
            selector[HostnameLabel] = spec.NodeName;
        }

        return selector.Count == 0 ? null : selector;
    }

    /// <summary>A preferred (not required) node affinity for <c>topology.kubernetes.io/zone</c> = the zone.</summary>
    /// <param name="zone">The availability zone.</param>
    /// <returns>A new affinity.</returns>
    public static V1Affinity ZoneAffinity(string zone) => new()
    {
        NodeAffinity = new V1NodeAffinity
        {
            PreferredDuringSchedulingIgnoredDuringExecution =
            [
                new V1PreferredSchedulingTerm
                {
                    Weight = ZoneAffinityWeight,
                    Preference = new V1NodeSelectorTerm
                    {
                        MatchExpressions = [new V1NodeSelectorRequirement { Key = WellKnownLabels.Zone, OperatorProperty = "In", Values = [zone] }],
                    },
                },
            ],
        },
    };

    private static void ApplyContainer(V1Container container, NovaAgentSpec spec, string driver)
    {
        container.Image = spec.Image;
        container.Command = null;
        container.Args = null;
        container.Env = null;
        container.EnvFrom = null;
        container.Ports = null;
        container.LivenessProbe = null;
        container.ReadinessProbe = null;
        container.StartupProbe = null;
        container.Resources = CopyOf(spec.Resources);
        container.VolumeMounts = [new V1VolumeMount { Name = AgentNames.ConfigVolumeName, MountPath = AgentNames.ConfigMountPath, ReadOnlyProperty = true }];
        container.SecurityContext = AgentSecurity.Container(driver);
    }

    /// <summary>A copy (never the cached NovaAgent's own instance); empty when unset, as the API server stores it.</summary>
    private static V1ResourceRequirements CopyOf(V1ResourceRequirements? resources) => new()
    {
        Limits = resources?.Limits is { Count: > 0 } limits ? new Dictionary<string, ResourceQuantity>(limits, StringComparer.Ordinal) : null,
        Requests = resources?.Requests is { Count: > 0 } requests ? new Dictionary<string, ResourceQuantity>(requests, StringComparer.Ordinal) : null,
        Claims = resources?.Claims is { Count: > 0 } claims ? [.. claims] : null,
    };
}
