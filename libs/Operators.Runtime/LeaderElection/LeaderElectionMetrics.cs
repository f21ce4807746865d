using Prometheus;

namespace Operators.Runtime.LeaderElection;

/// <summary>
/// <c>leader_election_master_status{name}</c>: 1 while this process leads the Lease called
/// <c>name</c>, else 0 (client-go's name and shape).
/// </summary>
internal sealed class LeaderElectionMetrics
{
    /// <summary>The metric's name.</summary>
    public const string MasterStatus = "leader_election_master_status";

    private readonly Gauge.Child _status;

    public LeaderElectionMetrics(CollectorRegistry registry, string name)
    {
        var gauge = Metrics.WithCustomRegistry(registry).CreateGauge(
            MasterStatus, "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master.", "name");
        _status = gauge.WithLabels(name);
    }

    public void Set(bool leading) => _status.Set(leading ? 1 : 0);
}
