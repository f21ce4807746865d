using System.Globalization;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Api.NovaAgents;
using Operators.Runtime.Client;

namespace Operators.LocalRun;

/// <summary>
/// Reads the custom resources every <see cref="Interval"/> and prints the summary of
/// <see cref="SummaryFormatter"/> when it changed: plain prefixed lines, readable in a terminal and in a pipe.
/// </summary>
internal sealed class SummaryPrinter(KubeApiClient client, LineRelay relay, TimeProvider time)
{
    /// <summary>The prefix of summary lines.</summary>
    public const string Prefix = "summary";

    private IReadOnlyList<string> _last = [];

    /// <summary>Gets how often the objects are read.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Prints until cancelled.</summary>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that completes when cancelled.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await PrintIfChangedAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Reads the objects once and prints the summary when it differs from the last one printed.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Whether something was printed.</returns>
    public async Task<bool> PrintIfChangedAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> lines;
        try
        {
            var blocks = await client.For<V1Alpha1BuildingBlock>().ListAsync(cancellationToken: cancellationToken);
            var agents = await client.For<V1Alpha1NovaAgent>().ListAsync(cancellationToken: cancellationToken);
            var notifiers = await client.For<V1Alpha1MaintenanceNotifier>().ListAsync(cancellationToken: cancellationToken);
            lines = SummaryFormatter.Format(blocks.Items, agents.Items, notifiers.Items);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException)
        {
            lines = [$"cannot read the objects: {e.Message}"];
        }

        if (lines.SequenceEqual(_last, StringComparer.Ordinal))
        {
            return false;
        }

        _last = lines;
        relay.WriteBlock(
        [
            LineRelay.Prefixed(Prefix, $"── {time.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture)} " + new string('─', 40)),
            .. lines.Select(l => LineRelay.Prefixed(Prefix, l)),
        ]);
        return true;
    }
}
