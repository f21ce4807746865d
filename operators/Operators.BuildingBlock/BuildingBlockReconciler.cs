using System.Text.Json;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;
using Operators.Runtime.Events;
using Operators.Runtime.Hosting;
using Operators.Runtime.Objects;
using Operators.Runtime.Status;

namespace Operators.BuildingBlock;

/// <summary>
/// Keeps one NovaAgent per host of a BuildingBlock and reports the block's readiness and maintenance
/// (DESIGN.md section 6.1). Level-based, reading both kinds from the shared informer caches:
/// <list type="number">
/// <item>validate what the schema cannot (<see cref="BuildingBlockValidator"/>); a problem sets
/// <c>Ready=False, InvalidSpec</c> and stops here without a requeue (the next spec change brings the block back);</item>
/// <item>per host: an agent of that name that the block does not control is a <see cref="HostConflict"/> and is
/// left untouched; otherwise create or patch it (<see cref="DesiredAgent"/>) against the cached copy, so an
/// agent that already matches costs no request;</item>
/// <item>delete the agents the block controls (found through the controller-UID index) whose host left the spec;</item>
/// <item>compute the status (<see cref="BlockStatusCalculator"/>) and write it only when it differs from the
/// cached one, then record the Events the change stands for (<see cref="StatusEvents"/>); a change that only
/// reports progress waits for <see cref="ProgressThrottle"/> (requeued, not written, within its interval), and one
/// this process has just written is not written again while the cache is behind (<see cref="WrittenStatuses{TStatus}"/>).</item>
/// </list>
/// A steady state therefore sends no request at all. Deleting a block needs no cleanup here: its agents carry
/// its controller reference and the garbage collector removes them.
/// </summary>
internal sealed class BuildingBlockReconciler : IReconciler
{
    private readonly IIndexer<V1Alpha1BuildingBlock> _blocks;
    private readonly IIndexer<V1Alpha1NovaAgent> _agents;
    private readonly KubeApiClient _api;
    private readonly IEventRecorder _events;
    private readonly TimeProvider _time;
    private readonly AgentMetrics _metrics;
    private readonly ProgressThrottle _progress;
    private readonly WrittenStatuses<byte[]> _written = new();
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="BuildingBlockReconciler"/> class on the caches of the watched namespace.</summary>
    /// <param name="informers">The process's shared informers (the controller watches the same ones).</param>
    /// <param name="options">The operator's options (the watched namespace).</param>
    /// <param name="hostIndex">The host index, attached here to the BuildingBlock cache.</param>
    /// <param name="api">The client that writes agents and status.</param>
    /// <param name="events">The Event recorder.</param>
    /// <param name="time">The clock of condition transitions.</param>
    /// <param name="metrics">The per-block agent counts exported on <c>/metrics</c>.</param>
    /// <param name="progress">Spaces out the status writes that only report progress.</param>
    /// <param name="logger">The logger.</param>
    public BuildingBlockReconciler(
        SharedInformerFactory informers,
        IOptions<OperatorOptions> options,
        BuildingBlockHostIndex hostIndex,
        KubeApiClient api,
        IEventRecorder events,
        TimeProvider time,
        AgentMetrics metrics,
        ProgressThrottle progress,
        ILogger<BuildingBlockReconciler> logger)
    {
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hostIndex);
        var scope = string.IsNullOrEmpty(options.Value.Namespace) ? null : options.Value.Namespace;
        _blocks = informers.GetInformer<V1Alpha1BuildingBlock>(scope).Indexer;
        _agents = informers.GetInformer<V1Alpha1NovaAgent>(scope).Indexer;
        hostIndex.Attach(_blocks);
        _api = api;
        _events = events;
        _time = time;
        _metrics = metrics;
        _progress = progress;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var key = CacheKey.Of(request.Namespace, request.Name);
        var block = _blocks.GetByKey(key);
        if (block is null || block.Metadata.DeletionTimestamp is not null)
        {
            _metrics.Forget(request.Namespace, request.Name);
            _progress.Forget(key);
            _written.Forget(key);
            return ReconcileResult.Done;
        }

        var now = WholeSeconds(_time.GetUtcNow());
        var problems = BuildingBlockValidator.Validate(block);
        if (problems.Count > 0)
        {
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var text = string.Join("; ", problems);
                Log.InvalidSpec(_logger, text);
            }

            return await WriteStatusAsync(key, block, BlockStatusCalculator.Invalid(block, problems, now), cancellationToken);
        }

        var (agents, conflicts, cacheBehind) = await SyncHostsAsync(block, cancellationToken);
        await PruneAsync(block, cancellationToken);
        if (cacheBehind)
        {
            return ReconcileResult.Requeue;
        }

        return await WriteStatusAsync(key, block, BlockStatusCalculator.Compute(block, agents, conflicts, now), cancellationToken);
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);

    /// <summary>Creates or patches the agent of every host the block may write; collects the conflicts.</summary>
    /// <returns>The block's agents as written or cached, the conflicts, and whether the agent cache was found behind.</returns>
    private async Task<(List<V1Alpha1NovaAgent> Agents, List<HostConflict> Conflicts, bool CacheBehind)> SyncHostsAsync(
        V1Alpha1BuildingBlock block, CancellationToken cancellationToken)
    {
        var agents = new List<V1Alpha1NovaAgent>();
        var conflicts = new List<HostConflict>();
        var cacheBehind = false;
        foreach (var host in block.Spec.Hosts ?? [])
        {
            var observed = _agents.GetByKey(CacheKey.Of(block.Metadata.NamespaceProperty, host.Name));
            if (observed is not null && !OwnerReferences.IsControlledBy(observed, block))
            {
                var conflict = new HostConflict(host.Name, OwnerReferences.GetController(observed));
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    var description = conflict.Describe(block.Metadata.Name);
                    Log.HostConflict(_logger, host.Name, description);
                }

                conflicts.Add(conflict);
                continue;
            }

            try
            {
                agents.Add(await ApplyAgentAsync(block, host, observed, cancellationToken));
            }
            catch (KubernetesApiException e) when (observed is null ? e is KubernetesConflictException { IsAlreadyExists: true } : e.IsNotFound)
            {
                Log.CacheBehind(_logger, host.Name);
                cacheBehind = true;
            }
        }

        return (agents, conflicts, cacheBehind);
    }

    private async Task<V1Alpha1NovaAgent> ApplyAgentAsync(V1Alpha1BuildingBlock block, BuildingBlockHost host, V1Alpha1NovaAgent? observed, CancellationToken cancellationToken)
    {
        var (agent, result) = await CreateOrPatch.ApplyAsync(
            _api, DesiredAgent.New(block, host), observed, a => DesiredAgent.Apply(block, host, a), cancellationToken);
        if (result == OperationResult.Created)
        {
            Log.AgentCreated(_logger, host.Name);
            _events.Event(block, EventType.Normal, EventReasons.AgentCreated, $"Created NovaAgent {host.Name}");
        }
        else if (result == OperationResult.Patched)
        {
            Log.AgentPatched(_logger, host.Name);
        }

        return agent;
    }

    /// <summary>Deletes the agents the block controls whose host left its spec (only the agent it saw: uid precondition).</summary>
    private async Task PruneAsync(V1Alpha1BuildingBlock block, CancellationToken cancellationToken)
    {
        var wanted = (block.Spec.Hosts ?? []).Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var agent in _agents.ByIndex(CacheIndexes.ControllerUid, block.Metadata.Uid))
        {
            if (wanted.Contains(agent.Metadata.Name) || agent.Metadata.DeletionTimestamp is not null
                || agent.Metadata.NamespaceProperty != block.Metadata.NamespaceProperty)
            {
                continue;
            }

            try
            {
                await _api.For<V1Alpha1NovaAgent>().DeleteAsync(
                    agent.Metadata.Name,
                    agent.Metadata.NamespaceProperty,
                    new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = agent.Metadata.Uid }, PropagationPolicy = "Background" },
                    cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsNotFound || e is KubernetesConflictException)
            {
                continue; // already gone, or replaced by another object of that name
            }

            Log.AgentDeleted(_logger, agent.Metadata.Name);
            _events.Event(block, EventType.Normal, EventReasons.AgentDeleted, $"Deleted NovaAgent {agent.Metadata.Name}: its host left the spec");
        }
    }

    /// <summary>
    /// Writes <paramref name="status"/> when it differs from the cached one, then records the Events of the change;
    /// a progress-only change within the throttle's interval is requeued for when the interval ends instead, and a
    /// status this process has just written but the cache has not yet seen is not written again.
    /// </summary>
    private async Task<ReconcileResult> WriteStatusAsync(string key, V1Alpha1BuildingBlock block, BuildingBlockStatus status, CancellationToken cancellationToken)
    {
        _metrics.Observe(block.Metadata.NamespaceProperty, block.Metadata.Name, status);
        var statusInfo = OpenStackJsonContext.Default.BuildingBlockStatus;
        var computed = JsonSerializer.SerializeToUtf8Bytes(status, statusInfo);
        if (block.Status is { } cached && JsonSerializer.SerializeToUtf8Bytes(cached, statusInfo).AsSpan().SequenceEqual(computed))
        {
            return ReconcileResult.Done;
        }

        if (_written.TryGetNewerThanCache(key, block.Metadata.ResourceVersion, out var justWritten) && justWritten.AsSpan().SequenceEqual(computed))
        {
            Log.CacheBehindOwnStatus(_logger);
            return ReconcileResult.Done; // the watch event of the write is on its way and triggers another reconcile
        }

        if (StatusProgress.IsProgressOnly(block.Status, status) && _progress.Wait(key) is { } wait)
        {
            Log.ProgressHeldBack(_logger, wait.TotalMilliseconds);
            return ReconcileResult.After(wait);
        }

        var info = OpenStackJsonContext.Default.V1Alpha1BuildingBlock;
        var copy = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(block, info), info)!;
        copy.Status = status;
        try
        {
            var written = await _api.For<V1Alpha1BuildingBlock>().UpdateStatusAsync(copy, cancellationToken);
            _written.Wrote(key, written.Metadata.ResourceVersion, computed);
            _progress.Wrote(key);
        }
        catch (KubernetesConflictException)
        {
            Log.StatusConflict(_logger);
            return ReconcileResult.Requeue;
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return ReconcileResult.Done; // deleted meanwhile; its delete event ends the story
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var ready = Summary(status, BuildingBlockConditions.Ready);
            var maintenance = Summary(status, BuildingBlockConditions.Maintenance);
            Log.StatusUpdated(_logger, ready, maintenance);
        }

        foreach (var note in StatusEvents.Between(block.Status, status))
        {
            Log.Event(_logger, note.Reason, note.Message);
            _events.Event(block, note.Type, note.Reason, note.Message);
        }

        return ReconcileResult.Done;
    }

    private static string Summary(BuildingBlockStatus status, string type) =>
        Conditions.Find(status.Conditions, type) is { } c ? $"{c.Status}/{c.Reason}" : "-";
}
