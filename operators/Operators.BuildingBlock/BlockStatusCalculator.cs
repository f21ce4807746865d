using System.Globalization;
using k8s.Models;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock;

/// <summary>
/// Computes a block's status from its spec, its agents and its conflicts (DESIGN.md section 6.1).
/// Pure: the caller passes the time and compares the result with the cached status.
/// <list type="bullet">
/// <item><c>Ready</c>, the first that applies: False <c>InvalidSpec</c> (see <see cref="Invalid"/>), False
/// <c>HostConflict</c>, False <c>InMaintenance</c> (maintenance requested), True <c>NoHosts</c>,
/// True <c>AllAgentsReady</c>, False <c>AgentsNotReady</c>.</item>
/// <item><c>Maintenance</c>: True while <c>spec.maintenance</c> is present, reason <c>Entering</c> until every
/// host's agent is out of service (its <c>InService</c> is False), then <c>InMaintenance</c>; False when absent,
/// reason <c>Leaving</c> while an agent is still out of service, then <c>Operational</c>.</item>
/// <item><c>maintenance.lastEnteredTime</c> / <c>lastLeftTime</c>: the <c>Maintenance</c> condition's transition
/// time when it turns True / turns False after True; <c>maintenance.reason</c>: the request's reason.</item>
/// </list>
/// </summary>
internal static class BlockStatusCalculator
{
    /// <summary>The status of a valid block.</summary>
    /// <param name="block">The block as cached; its status is the previous one.</param>
    /// <param name="agents">The block's own agents of its listed hosts (as cached or as just written).</param>
    /// <param name="conflicts">The hosts whose agent is controlled by someone else.</param>
    /// <param name="now">The time of a condition that changes status.</param>
    /// <returns>A new status; the cached one is not changed.</returns>
    public static BuildingBlockStatus Compute(
        V1Alpha1BuildingBlock block, IReadOnlyCollection<V1Alpha1NovaAgent> agents, IReadOnlyCollection<HostConflict> conflicts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(conflicts);
        var hosts = (block.Spec.Hosts ?? []).Select(h => h.Name).Order(StringComparer.Ordinal).ToList();
        var summaries = agents.Select(Summarize).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var byName = summaries.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var view = new BlockView(block, hosts, byName);
        var status = CopyOf(block.Status);
        status.ObservedGeneration = block.Metadata.Generation;
        status.DesiredAgents = hosts.Count;
        status.ReadyAgents = summaries.Count(s => s.Ready);
        status.OutOfServiceAgents = summaries.Count(s => !s.InService);
        status.Agents = summaries;
        var conditions = status.Conditions!;
        Conditions.Set(conditions, Ready(view, conflicts, block.Metadata.Name), now);
        Conditions.Set(conditions, Maintenance(view), now);
        status.Maintenance = History(block, Conditions.Find(block.Status?.Conditions, BuildingBlockConditions.Maintenance), Conditions.Find(conditions, BuildingBlockConditions.Maintenance)!);
        return status;
    }

    /// <summary>
    /// The status of a block whose spec breaks a rule: the previous status with <c>Ready=False, InvalidSpec</c>
    /// naming every problem, and the current <c>observedGeneration</c>. Agents are not touched meanwhile.
    /// </summary>
    /// <param name="block">The block as cached.</param>
    /// <param name="problems">The problems (<see cref="BuildingBlockValidator.Validate"/>), at least one.</param>
    /// <param name="now">The time of a condition that changes status.</param>
    /// <returns>A new status; the cached one is not changed.</returns>
    public static BuildingBlockStatus Invalid(V1Alpha1BuildingBlock block, IReadOnlyCollection<string> problems, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(problems);
        var status = CopyOf(block.Status);
        status.ObservedGeneration = block.Metadata.Generation;
        Conditions.Set(status.Conditions!, Condition(block, BuildingBlockConditions.Ready, false, BuildingBlockConditions.InvalidSpec, NameList.Format(problems, "; ")), now);
        return status;
    }

    private static V1Condition Ready(BlockView view, IReadOnlyCollection<HostConflict> conflicts, string blockName)
    {
        var block = view.Block;
        if (conflicts.Count > 0)
        {
            var described = conflicts.OrderBy(c => c.Host, StringComparer.Ordinal).Select(c => c.Describe(blockName)).ToList();
            var noun = conflicts.Count == 1 ? "host conflicts" : "hosts conflict";
            return Condition(block, BuildingBlockConditions.Ready, false, BuildingBlockConditions.HostConflict,
                $"{conflicts.Count} {noun}, left untouched: {NameList.Format(described, "; ")}");
        }

        if (block.Spec.Maintenance is not null)
        {
            return Condition(block, BuildingBlockConditions.Ready, false, BuildingBlockConditions.InMaintenance,
                Invariant($"maintenance in effect: {view.OutOfService.Count}/{view.Hosts.Count} agents out of service"));
        }

        if (view.Hosts.Count == 0)
        {
            return Condition(block, BuildingBlockConditions.Ready, true, BuildingBlockConditions.NoHosts, "the block has no hosts");
        }

        var notReady = view.Hosts.Where(h => !(view.Agents.TryGetValue(h, out var agent) && agent.Ready)).ToList();
        var ready = view.Hosts.Count - notReady.Count;
        return notReady.Count == 0
            ? Condition(block, BuildingBlockConditions.Ready, true, BuildingBlockConditions.AllAgentsReady, Invariant($"{ready}/{view.Hosts.Count} agents ready"))
            : Condition(block, BuildingBlockConditions.Ready, false, BuildingBlockConditions.AgentsNotReady,
                Invariant($"{ready}/{view.Hosts.Count} agents ready; not ready: {NameList.Format(notReady)}"));
    }

    private static V1Condition Maintenance(BlockView view)
    {
        var block = view.Block;
        var total = view.Hosts.Count;
        var outCount = view.OutOfService.Count;
        if (block.Spec.Maintenance is { } request)
        {
            var inService = view.Hosts.Where(h => !view.OutOfService.Contains(h)).ToList();
            return inService.Count == 0
                ? Condition(block, BuildingBlockConditions.Maintenance, true, BuildingBlockConditions.InMaintenance,
                    Invariant($"\"{request.Reason}\": all {total} agents out of service"))
                : Condition(block, BuildingBlockConditions.Maintenance, true, BuildingBlockConditions.Entering,
                    Invariant($"\"{request.Reason}\": {outCount}/{total} agents out of service; in service: {NameList.Format(inService)}"));
        }

        return outCount > 0
            ? Condition(block, BuildingBlockConditions.Maintenance, false, BuildingBlockConditions.Leaving,
                Invariant($"maintenance request removed; {outCount}/{total} agents still out of service: {NameList.Format(view.OutOfService)}"))
            : Condition(block, BuildingBlockConditions.Maintenance, false, BuildingBlockConditions.Operational,
                Invariant($"no maintenance requested; {total}/{total} agents in service"));
    }

    private static MaintenanceHistory? History(V1Alpha1BuildingBlock block, V1Condition? previous, V1Condition current)
    {
        var old = block.Status?.Maintenance;
        var history = new MaintenanceHistory { LastEnteredTime = old?.LastEnteredTime, LastLeftTime = old?.LastLeftTime, Reason = old?.Reason };
        var wasOn = previous?.Status == ConditionStatus.True;
        if (block.Spec.Maintenance is { } request)
        {
            history.Reason = request.Reason;
            if (!wasOn)
            {
                history.LastEnteredTime = current.LastTransitionTime;
            }
        }
        else if (wasOn)
        {
            history.LastLeftTime = current.LastTransitionTime;
        }

        return history is { LastEnteredTime: null, LastLeftTime: null, Reason: null } ? null : history;
    }

    private static AgentSummary Summarize(V1Alpha1NovaAgent agent) => new()
    {
        Name = agent.Metadata.Name,
        Ready = Conditions.IsTrue(agent.Status?.Conditions, NovaAgentConditions.Ready),
        InService = !Conditions.IsFalse(agent.Status?.Conditions, NovaAgentConditions.InService),
    };

    private static V1Condition Condition(V1Alpha1BuildingBlock block, string type, bool status, string reason, string message) => new()
    {
        Type = type,
        Status = status ? ConditionStatus.True : ConditionStatus.False,
        Reason = reason,
        Message = NameList.Bound(message),
        ObservedGeneration = block.Metadata.Generation,
    };

    /// <summary>A deep copy of what a status carries over (conditions and maintenance history); never the cached objects themselves.</summary>
    private static BuildingBlockStatus CopyOf(BuildingBlockStatus? status) => new()
    {
        ObservedGeneration = status?.ObservedGeneration,
        Conditions = (status?.Conditions ?? []).Select(c => new V1Condition
        {
            Type = c.Type,
            Status = c.Status,
            Reason = c.Reason,
            Message = c.Message,
            ObservedGeneration = c.ObservedGeneration,
            LastTransitionTime = c.LastTransitionTime,
        }).ToList(),
        DesiredAgents = status?.DesiredAgents,
        ReadyAgents = status?.ReadyAgents,
        OutOfServiceAgents = status?.OutOfServiceAgents,
        Agents = status?.Agents?.Select(a => new AgentSummary { Name = a.Name, Ready = a.Ready, InService = a.InService }).ToList(),
        Maintenance = status?.Maintenance is { } m ? new MaintenanceHistory { LastEnteredTime = m.LastEnteredTime, LastLeftTime = m.LastLeftTime, Reason = m.Reason } : null,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The block's hosts (sorted), its agents by name, and the hosts whose agent is out of service (sorted).</summary>
    private sealed class BlockView(V1Alpha1BuildingBlock block, List<string> hosts, Dictionary<string, AgentSummary> agents)
    {
        public V1Alpha1BuildingBlock Block { get; } = block;

        public List<string> Hosts { get; } = hosts;

        public Dictionary<string, AgentSummary> Agents { get; } = agents;

        public List<string> OutOfService { get; } = [.. hosts.Where(h => agents.TryGetValue(h, out var a) && !a.InService)];
    }
}
