using System.Diagnostics;
using k8s.Models;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.Runtime.Client;

namespace Operators.Benchmarks.Scale;

/// <summary>
/// The write floor: a plain program that writes what the operators wrote — every block, agent, ConfigMap and
/// Deployment of a <see cref="ClusterSnapshot"/>, then each agent's final status and each block's final status
/// (the minimum status writes) — with a few concurrent writers against a fresh API server process, as fast
/// as it takes them. Owner references point at the new uids, so the server's garbage collector keeps them.
/// </summary>
internal static class WriteFloor
{
    /// <summary>Writes the snapshot through <paramref name="api"/>; returns the time from the first create to the last status write.</summary>
    public static async Task<TimeSpan> WriteAsync(KubeApiClient api, ClusterSnapshot snapshot, int writers, CancellationToken cancellationToken)
    {
        var blocks = api.For<V1Alpha1BuildingBlock>();
        var agents = api.For<V1Alpha1NovaAgent>();
        var configMaps = api.For<V1ConfigMap>();
        var deployments = api.For<V1Deployment>();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            snapshot.Blocks,
            new ParallelOptions { MaxDegreeOfParallelism = writers, CancellationToken = cancellationToken },
            async (source, ct) =>
            {
                var block = await blocks.CreateAsync(ClusterSnapshot.Fresh(api, source.Block, ownerUid: null), ct);
                foreach (var (sourceAgent, configMap, deployment) in source.Agents)
                {
                    var agent = await agents.CreateAsync(ClusterSnapshot.Fresh(api, sourceAgent, block.Metadata.Uid), ct);
                    if (configMap is not null)
                    {
                        await configMaps.CreateAsync(ClusterSnapshot.Fresh(api, configMap, agent.Metadata.Uid), ct);
                    }

                    if (deployment is not null)
                    {
                        await deployments.CreateAsync(ClusterSnapshot.Fresh(api, deployment, agent.Metadata.Uid), ct);
                    }

                    agent.Status = sourceAgent.Status;
                    await agents.UpdateStatusAsync(agent, ct);
                }

                block.Status = source.Block.Status;
                await blocks.UpdateStatusAsync(block, ct);
            });
        return watch.Elapsed;
    }
}
