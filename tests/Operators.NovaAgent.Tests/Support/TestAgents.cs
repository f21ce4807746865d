using k8s.Models;
using Operators.Api;
using Operators.Api.NovaAgents;

namespace Operators.NovaAgent.Tests.Support;

/// <summary>NovaAgents and Deployments for unit tests.</summary>
internal static class TestAgents
{
    public const string Host = "node001-bb091";
    public const string Image = "registry.example/nova-compute:2025.1";

    /// <summary>A NovaAgent as the API server would return it (uid, generation, defaults applied).</summary>
    public static V1Alpha1NovaAgent Agent(Action<NovaAgentSpec>? configure = null)
    {
        var agent = new V1Alpha1NovaAgent
        {
            Metadata = new V1ObjectMeta
            {
                Name = Host,
                NamespaceProperty = "openstack",
                Uid = "6f1c2a9e-0000-4000-8000-000000000001",
                Generation = 3,
                Labels = new Dictionary<string, string> { ["team"] = "compute" },
                Annotations = new Dictionary<string, string> { ["note"] = "hello" },
            },
            Spec = new NovaAgentSpec
            {
                Host = Host,
                BuildingBlock = "bb091",
                AvailabilityZone = "qa-de-1a",
                Image = Image,
                ComputeDriver = ComputeDrivers.Libvirt,
                GracefulShutdownSeconds = 300,
            },
        };
        configure?.Invoke(agent.Spec);
        return agent;
    }

    /// <summary>A Deployment of the agent with the given status.</summary>
    public static V1Deployment Deployment(
        string configHash, int specReplicas = 1, long generation = 2, long? observedGeneration = 2, int? replicas = 1, int? updated = 1, int? ready = 1,
        string progressing = "NewReplicaSetAvailable", string progressingStatus = "True") => new()
        {
            Metadata = new V1ObjectMeta { Name = "nova-compute-" + Host, NamespaceProperty = "openstack", Generation = generation },
            Spec = new V1DeploymentSpec
            {
                Replicas = specReplicas,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Annotations = new Dictionary<string, string> { ["openstack.operators.dev/config-hash"] = configHash } },
                },
            },
            Status = new V1DeploymentStatus
            {
                ObservedGeneration = observedGeneration,
                Replicas = replicas,
                UpdatedReplicas = updated,
                ReadyReplicas = ready,
                Conditions = [new V1DeploymentCondition { Type = "Progressing", Status = progressingStatus, Reason = progressing }],
            },
        };
}
