using System.Globalization;
using k8s.Models;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Api.NovaAgents;

namespace Operators.LocalRun;

/// <summary>
/// The compact summary of the system: one line per building block (ready agents of desired, Ready,
/// maintenance state and reason), a line of agent totals and a line of deliveries by phase per notifier.
/// </summary>
internal static class SummaryFormatter
{
    /// <summary>Formats the current objects.</summary>
    /// <param name="blocks">The building blocks.</param>
    /// <param name="agents">The nova agents.</param>
    /// <param name="notifiers">The maintenance notifiers.</param>
    /// <returns>The lines, without prefix or time.</returns>
    public static IReadOnlyList<string> Format(
        IEnumerable<V1Alpha1BuildingBlock> blocks, IEnumerable<V1Alpha1NovaAgent> agents, IEnumerable<V1Alpha1MaintenanceNotifier> notifiers)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(notifiers);
        var lines = new List<string>();
        var sortedBlocks = blocks.OrderBy(b => b.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(b => b.Metadata.Name, StringComparer.Ordinal).ToList();
        var width = sortedBlocks.Select(b => b.Metadata.Name?.Length ?? 0).DefaultIfEmpty(0).Max();
        foreach (var block in sortedBlocks)
        {
            lines.Add(BlockLine(block, width));
        }

        if (sortedBlocks.Count == 0)
        {
            lines.Add("no building blocks yet");
        }

        var agentList = agents.ToList();
        var ready = agentList.Count(a => IsTrue(a.Status?.Conditions, NovaAgentConditions.Ready));
        var outOfService = agentList.Count(a => Find(a.Status?.Conditions, NovaAgentConditions.InService)?.Status == "False");
        var replicas = agentList.Sum(a => a.Status?.Replicas ?? 0);
        lines.Add(Invariant($"agents: {agentList.Count} ({ready} ready, {outOfService} out of service, {replicas} replicas running)"));
        lines.Add("deliveries: " + Deliveries(notifiers));
        return lines;
    }

    private static string BlockLine(V1Alpha1BuildingBlock block, int width)
    {
        var status = block.Status;
        var ready = Find(status?.Conditions, BuildingBlockConditions.Ready);
        var maintenance = Find(status?.Conditions, BuildingBlockConditions.Maintenance);
        var readyText = ready is null ? "pending" : ready.Status == "True" ? "Ready" : $"NotReady({ready.Reason})";
        var maintenanceText = maintenance?.Reason ?? "-";
        var reason = maintenance?.Status == "True" && (status?.Maintenance?.Reason ?? block.Spec.Maintenance?.Reason) is { Length: > 0 } r ? $" \"{r}\"" : string.Empty;
        return Invariant($"{(block.Metadata.Name ?? "?").PadRight(width)}  agents {status?.ReadyAgents ?? 0}/{status?.DesiredAgents ?? block.Spec.Hosts?.Count ?? 0} ready  {readyText,-24} maintenance: {maintenanceText}{reason}");
    }

    private static string Deliveries(IEnumerable<V1Alpha1MaintenanceNotifier> notifiers)
    {
        var parts = notifiers
            .OrderBy(n => n.Metadata.Name, StringComparer.Ordinal)
            .Select(n =>
            {
                var records = n.Status?.Deliveries ?? [];
                if (records.Count == 0)
                {
                    return $"{n.Metadata.Name} none yet";
                }

                var phases = records
                    .GroupBy(d => d.Phase ?? "Unknown", StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => Invariant($"{g.Count()} {g.Key}"));
                var latest = records.OrderByDescending(d => d.TransitionTime ?? DateTime.MinValue).First();
                return $"{n.Metadata.Name} {string.Join(", ", phases)} (last: {latest.BuildingBlock} {latest.Event})";
            })
            .ToList();
        return parts.Count == 0 ? "no notifiers" : string.Join(" · ", parts);
    }

    private static V1Condition? Find(IEnumerable<V1Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    private static bool IsTrue(IEnumerable<V1Condition>? conditions, string type) => Find(conditions, type)?.Status == "True";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
