using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.Runtime.Client;
using Operators.Runtime.Objects;

namespace Operators.Benchmarks.Scale;

/// <summary>
/// The objects the operators produced for the blocks, read back after convergence, grouped by block: what the
/// write floor replays, so that it writes exactly the same objects and final statuses.
/// </summary>
internal sealed class ClusterSnapshot
{
    private ClusterSnapshot(IReadOnlyList<BlockObjects> blocks) => Blocks = blocks;

    public IReadOnlyList<BlockObjects> Blocks { get; }

    /// <summary>Gets the agents across all blocks.</summary>
    public int Agents => Blocks.Sum(b => b.Agents.Count);

    /// <summary>Gets the ConfigMaps across all blocks.</summary>
    public int ConfigMaps => Blocks.Sum(b => b.Agents.Count(a => a.ConfigMap is not null));

    /// <summary>Gets the Deployments across all blocks.</summary>
    public int Deployments => Blocks.Sum(b => b.Agents.Count(a => a.Deployment is not null));

    /// <summary>Lists the blocks, agents, ConfigMaps and Deployments of <paramref name="namespaceName"/> and groups them by owner.</summary>
    public static async Task<ClusterSnapshot> ReadAsync(KubeApiClient api, string namespaceName, CancellationToken cancellationToken)
    {
        var blocks = (await api.For<V1Alpha1BuildingBlock>().ListAsync(namespaceName, cancellationToken: cancellationToken)).Items;
        var agents = (await api.For<V1Alpha1NovaAgent>().ListAsync(namespaceName, cancellationToken: cancellationToken)).Items;
        var configMaps = OwnedBy((await api.For<V1ConfigMap>().ListAsync(namespaceName, cancellationToken: cancellationToken)).Items);
        var deployments = OwnedBy((await api.For<V1Deployment>().ListAsync(namespaceName, cancellationToken: cancellationToken)).Items);
        var agentsByBlock = agents.ToLookup(a => OwnerReferences.GetController(a)?.Uid ?? "", StringComparer.Ordinal);
        return new ClusterSnapshot([.. blocks.Select(b => new BlockObjects(
            b,
            [.. agentsByBlock[b.Metadata.Uid].Select(a => new AgentObjects(a, configMaps.GetValueOrDefault(a.Metadata.Uid), deployments.GetValueOrDefault(a.Metadata.Uid)))]))]);
    }

    /// <summary>A copy of <paramref name="obj"/> as a client would first send it: no server-set metadata, no status.</summary>
    public static T Fresh<T>(KubeApiClient api, T obj, string? ownerUid)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var copy = Clone(api, obj);
        var metadata = copy.Metadata;
        metadata.Uid = null;
        metadata.ResourceVersion = null;
        metadata.CreationTimestamp = null;
        metadata.Generation = null;
        metadata.ManagedFields = null;
        if (ownerUid is not null && metadata.OwnerReferences is { } owners)
        {
            foreach (var owner in owners.Where(o => o.Controller == true))
            {
                owner.Uid = ownerUid;
            }
        }

        switch (copy)
        {
            case V1Alpha1BuildingBlock block:
                block.Status = null;
                break;
            case V1Alpha1NovaAgent agent:
                agent.Status = null;
                break;
            case V1Deployment deployment:
                deployment.Status = null;
                break;
        }

        return copy;
    }

    private static Dictionary<string, T> OwnedBy<T>(IEnumerable<T> objects)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var obj in objects)
        {
            if (OwnerReferences.GetController(obj)?.Uid is { } uid)
            {
                result[uid] = obj;
            }
        }

        return result;
    }

    private static T Clone<T>(KubeApiClient api, T obj)
        where T : class
    {
        var info = (JsonTypeInfo<T>)api.JsonOptions.GetTypeInfo(typeof(T));
        return JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(obj, info), info)!;
    }
}
