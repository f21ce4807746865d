using Operators.Api.BuildingBlocks;
using Prometheus;

namespace Operators.BuildingBlock;

/// <summary>
/// <c>building_block_agents{namespace, building_block, state}</c>: each block's <c>desired</c>,
/// <c>ready</c> and <c>out_of_service</c> agent counts, as its status last reported them. Only the
/// leader reconciles, so only the leader exports series; a deleted block's series are removed.
/// </summary>
internal sealed class AgentMetrics
{
    /// <summary>The metric's name.</summary>
    public const string Name = "building_block_agents";

    private static readonly string[] States = ["desired", "ready", "out_of_service"];
    private readonly Gauge _agents;

    /// <summary>Initializes a new instance of the <see cref="AgentMetrics"/> class on <paramref name="registry"/>.</summary>
    /// <param name="registry">The operator's registry (the one <c>/metrics</c> serves).</param>
    public AgentMetrics(CollectorRegistry registry) =>
        _agents = Metrics.WithCustomRegistry(registry).CreateGauge(
            Name,
            "Agents of each building block by state (desired, ready, out_of_service).",
            new GaugeConfiguration { LabelNames = ["namespace", "building_block", "state"] });

    /// <summary>Exports the counts of <paramref name="status"/> for the block.</summary>
    /// <param name="ns">The block's namespace.</param>
    /// <param name="name">The block's name.</param>
    /// <param name="status">The block's status as computed by the reconcile.</param>
    public void Observe(string ns, string name, BuildingBlockStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _agents.WithLabels(ns, name, "desired").Set(status.DesiredAgents ?? 0);
        _agents.WithLabels(ns, name, "ready").Set(status.ReadyAgents ?? 0);
        _agents.WithLabels(ns, name, "out_of_service").Set(status.OutOfServiceAgents ?? 0);
    }

    /// <summary>Removes the series of a block that no longer exists.</summary>
    /// <param name="ns">The block's namespace.</param>
    /// <param name="name">The block's name.</param>
    public void Forget(string ns, string name)
    {
        foreach (var state in States)
        {
            _agents.RemoveLabelled(ns, name, state);
        }
    }

    /// <summary>The current value of one series (for tests); 0 when absent.</summary>
    /// <param name="ns">The block's namespace.</param>
    /// <param name="name">The block's name.</param>
    /// <param name="state"><c>desired</c>, <c>ready</c> or <c>out_of_service</c>.</param>
    /// <returns>The exported count.</returns>
    public double Value(string ns, string name, string state) =>
        _agents.GetAllLabelValues().Any(l => l.SequenceEqual([ns, name, state])) ? _agents.WithLabels(ns, name, state).Value : 0;
}
