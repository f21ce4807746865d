using FluentAssertions;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Tests.Support;
using Operators.Runtime.Client;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Tests.Integration;

/// <summary>
/// <c>--status-progress-interval</c>: a status change that only reports the rollout's progress (replica counts,
/// the Ready message) is not written at once; a change of a condition's reason is.
/// </summary>
public sealed class ProgressStatusWritesTests : OperatorTestBase
{
    [Test]
    public async Task ARollout_IsWrittenAsProgressingThenAvailable_WithoutTheCountsInBetween()
    {
        await RestartOperatorAsync(flags: ["--status-progress-interval", "5m"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var created = await CreateAgentAsync();
        var writes = await RecordStatusWritesAsync(created.Metadata.ResourceVersion, timeout.Token);

        writes.Select(w => w.Reason).Should().Equal(
            [NovaAgentConditions.Progressing, NovaAgentConditions.Available],
            "the first status and Available are news; the Deployment's counts in between only report progress");
        writes[^1].Agent.Status!.ReadyReplicas.Should().Be(1, "the write that says Available carries the counts");
        writes[^1].Agent.Status!.UpdatedReplicas.Should().Be(1);
    }

    /// <summary>Every stored change of the NovaAgent after <paramref name="resourceVersion"/> (only the operator writes it: its status writes) with its Ready reason, until Available.</summary>
    private async Task<List<(string Reason, V1Alpha1NovaAgent Agent)>> RecordStatusWritesAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        var writes = new List<(string, V1Alpha1NovaAgent)>();
        await foreach (var change in Api.For<V1Alpha1NovaAgent>().WatchAsync(Namespace, new WatchOptions { ResourceVersion = resourceVersion }, cancellationToken))
        {
            var reason = Conditions.Find(change.Object.Status?.Conditions, NovaAgentConditions.Ready)?.Reason ?? "(none)";
            writes.Add((reason, change.Object));
            if (reason == NovaAgentConditions.Available)
            {
                break;
            }
        }

        return writes;
    }
}
