using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using k8s.Models;
using Operators.Api;
using Operators.Api.NovaAgents;
using Operators.Runtime.Client;

namespace Operators.Benchmarks.Cluster;

/// <summary>
/// NovaAgents as the BuildingBlock operator writes them and the NovaAgent operator reports them:
/// labels, a controller owner reference, a spec with a service config override, resources and a
/// node selector, and a status with conditions. Served back by the API server (uid, timestamps,
/// resourceVersion, generation added) an agent is about 1.6 KB of compact JSON.
/// </summary>
internal static class NovaAgentSamples
{
    /// <summary>The annotation the latency probes stamp with the sender's timestamp.</summary>
    public const string SentAtAnnotation = "bench.openstack.operators.dev/sent-at";

    private const string Zone = "qa-de-1a";
    private const string Image = "registry.example/nova-compute:2025.1";

    private const string ServiceConfig = "[DEFAULT]\nreserved_host_memory_mb = 2048\n";

    /// <summary>The agent of host number <paramref name="index"/>, ready to be created.</summary>
    public static V1Alpha1NovaAgent Create(string namespaceName, int index)
    {
        var block = BlockOf(index);
        var host = HostOf(index);
        return new V1Alpha1NovaAgent
        {
            Metadata = new V1ObjectMeta
            {
                Name = NameOf(index),
                NamespaceProperty = namespaceName,
                Labels = new Dictionary<string, string>
                {
                    [WellKnownLabels.ManagedBy] = "building-block-operator",
                    [WellKnownLabels.PartOf] = WellKnownLabels.PartOfValue,
                    [WellKnownLabels.BuildingBlock] = block,
                    [WellKnownLabels.Host] = host,
                    [WellKnownLabels.Zone] = Zone,
                },
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = ApiGroup.ApiVersion,
                        Kind = "BuildingBlock",
                        Name = block,
                        Uid = DeterministicUid(block),
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Spec = new NovaAgentSpec
            {
                Host = host,
                BuildingBlock = block,
                AvailabilityZone = Zone,
                Image = Image,
                ComputeDriver = ComputeDrivers.VMware,
                GracefulShutdownSeconds = NovaAgentSpec.DefaultGracefulShutdownSeconds,
                CustomServiceConfig = ServiceConfig,
                Resources = new V1ResourceRequirements
                {
                    Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m"), ["memory"] = new("1Gi") },
                    Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("4Gi") },
                },
                NodeSelector = new Dictionary<string, string> { [WellKnownLabels.Zone] = Zone },
            },
        };
    }

    /// <summary>Sets the status the NovaAgent operator writes once the agent runs.</summary>
    public static V1Alpha1NovaAgent WithReadyStatus(V1Alpha1NovaAgent agent, DateTime now)
    {
        var name = agent.Metadata.Name;
        agent.Status = new NovaAgentStatus
        {
            ObservedGeneration = agent.Metadata.Generation,
            ConfigHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 8)),
            ConfigMapName = name,
            DeploymentName = name,
            Replicas = 1,
            ReadyReplicas = 1,
            UpdatedReplicas = 1,
            Conditions =
            [
                Condition(NovaAgentConditions.Ready, "Available", "The agent runs.", agent, now),
                Condition(NovaAgentConditions.InService, NovaAgentConditions.Enabled, "The service is enabled.", agent, now),
            ],
        };
        return agent;
    }

    /// <summary>A merge patch that sets <see cref="SentAtAnnotation"/> to <paramref name="value"/>.</summary>
    public static ResourcePatch SentAtPatch(string value) =>
        ResourcePatch.Merge("{\"metadata\":{\"annotations\":{\"" + SentAtAnnotation + "\":\"" + value + "\"}}}");

    /// <summary>The compact JSON text (for the console).</summary>
    public static string CompactJson(V1Alpha1NovaAgent agent) => JsonSerializer.Serialize(agent, OpenStackJsonContext.Default.V1Alpha1NovaAgent);

    /// <summary>Compact JSON as the operators' serializer writes it (nulls omitted).</summary>
    public static int CompactJsonBytes(V1Alpha1NovaAgent agent) =>
        JsonSerializer.SerializeToUtf8Bytes(agent, OpenStackJsonContext.Default.V1Alpha1NovaAgent).Length;

    public static string NameOf(int index) => "nova-compute-" + HostOf(index);

    private static string HostOf(int index) => string.Create(CultureInfo.InvariantCulture, $"node{index % 100:D3}-{BlockOf(index)}");

    private static string BlockOf(int index) => string.Create(CultureInfo.InvariantCulture, $"bb{index / 100:D4}");

    private static V1Condition Condition(string type, string reason, string message, V1Alpha1NovaAgent agent, DateTime now) => new()
    {
        Type = type,
        Status = "True",
        Reason = reason,
        Message = message,
        ObservedGeneration = agent.Metadata.Generation,
        LastTransitionTime = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)),
    };

    private static string DeterministicUid(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
