using System.Globalization;

namespace Operators.Soak;

/// <summary>
/// Applies random changes to the desired state, one at a time with jittered pauses: hosts added and
/// removed, maintenance entered and left (only when the block's previous transition is settled at every
/// notifier, and never twice within <see cref="MinimumDwell"/>), a notifier suspended or resumed, the agents'
/// configuration changed (which rolls them). The first changes tour every kind once. Every change sends the block's whole desired spec.
/// </summary>
internal sealed class ChangeAgent(
    ResilientApi api, IReadOnlyList<DesiredBlock> blocks, IReadOnlyList<DesiredNotifier> notifiers, TransitionLedger ledger,
    Random random, TimeProvider time, SoakLog log)
{
    /// <summary>The fewest hosts a block keeps.</summary>
    public const int MinHosts = 1;

    /// <summary>The most hosts a block gets.</summary>
    public const int MaxHosts = 8;

    /// <summary>How long a block stays in or out of maintenance, and a notifier suspended or not, at least.</summary>
    public static readonly TimeSpan MinimumDwell = TimeSpan.FromSeconds(3);

    // One roll of each kind of change: host added, host removed, maintenance (twice: in and out), configuration, suspension (twice).
    private static readonly int[] TourRolls = [0, 3, 6, 6, 9, 10, 10];

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private Queue<int>? _tour;
    private int _serial;

    /// <summary>Gets how many changes of each kind were applied.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Applies changes until <paramref name="stop"/> is cancelled.</summary>
    /// <param name="interval">The mean pause between two changes.</param>
    /// <param name="stop">Ends the changes.</param>
    /// <returns>A task that completes when stopped.</returns>
    public async Task RunAsync(TimeSpan interval, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval * (0.5 + random.NextDouble()), time, stop);
                await ChangeOnceAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (SoakApiException e)
            {
                log.Write($"change failed (the final heal applies the desired state again): {e.Message}");
            }
        }
    }

    /// <summary>
    /// Ends maintenance (each block once its Entered is settled, as during the run, so that the ledger sees the
    /// Entered's records before the Left replaces them; after <paramref name="patience"/> regardless) and
    /// suspensions, and sends every desired spec again.
    /// </summary>
    /// <param name="patience">How long to wait for a block to settle.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>A task that completes when every object has its desired spec.</returns>
    public async Task HealAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        foreach (var block in blocks)
        {
            while (block.InMaintenance && !await IsSettledAsync(block, cancellationToken) && time.GetElapsedTime(started) < patience)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            }

            block.InMaintenance = false;
            await api.PatchAsync(block.Path, block.SpecPatch(), cancellationToken);
        }

        foreach (var notifier in notifiers)
        {
            notifier.Suspended = false;
            await api.PatchAsync(notifier.Path, notifier.SuspendPatch(), cancellationToken);
        }
    }

    private async Task ChangeOnceAsync(CancellationToken cancellationToken)
    {
        // The first changes tour every kind once (in random order), so that each code path runs during the warm-up.
        _tour ??= new Queue<int>(TourRolls.OrderBy(_ => random.Next()));
        var roll = _tour.Count > 0 ? _tour.Dequeue() : random.Next(11);
        var block = blocks[random.Next(blocks.Count)];
        switch (roll)
        {
            case < 3 when block.Hosts.Count < MaxHosts:
                block.Hosts.Add(string.Create(CultureInfo.InvariantCulture, $"soak{++_serial:000}-{block.Name}"));
                await ApplyAsync(block, "host added", cancellationToken);
                break;
            case < 6 when block.Hosts.Count > MinHosts:
                block.Hosts.RemoveAt(random.Next(block.Hosts.Count));
                await ApplyAsync(block, "host removed", cancellationToken);
                break;
            case < 9:
                await ToggleMaintenanceAsync(block, cancellationToken);
                break;
            case 9:
                block.ConfigRevision++;
                await ApplyAsync(block, "agent configuration changed", cancellationToken);
                break;
            default:
                await ToggleSuspendAsync(notifiers[random.Next(notifiers.Count)], cancellationToken);
                break;
        }
    }

    private async Task ToggleMaintenanceAsync(DesiredBlock block, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - block.MaintenanceChangedAt < MinimumDwell || !await IsSettledAsync(block, cancellationToken))
        {
            return;
        }

        block.InMaintenance = !block.InMaintenance;
        block.MaintenanceReason = string.Create(CultureInfo.InvariantCulture, $"CHG{++_serial:0000000} soak maintenance");
        block.MaintenanceChangedAt = time.GetUtcNow();
        await ApplyAsync(block, block.InMaintenance ? "maintenance entered" : "maintenance left", cancellationToken);
    }

    private async Task ToggleSuspendAsync(DesiredNotifier notifier, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - notifier.SuspendChangedAt < MinimumDwell)
        {
            return;
        }

        notifier.Suspended = !notifier.Suspended;
        notifier.SuspendChangedAt = time.GetUtcNow();
        await api.PatchAsync(notifier.Path, notifier.SuspendPatch(), cancellationToken);
        Count(notifier.Suspended ? "notifier suspended" : "notifier resumed");
    }

    // The block shows the requested maintenance state for its current spec, and every transition seen has
    // a finished delivery record at every notifier that follows the block.
    private async Task<bool> IsSettledAsync(DesiredBlock block, CancellationToken cancellationToken)
    {
        var item = await api.GetAsync(block.Path, cancellationToken);
        var shown = SoakChecks.ConditionStatus(item, "Maintenance") == "True";
        if (!SoakChecks.IsObserved(item) || shown != block.InMaintenance)
        {
            return false;
        }

        ledger.ObserveBlock(item, block);
        foreach (var notifier in await api.ListAsync(ResilientApi.CustomResources + "maintenancenotifiers", cancellationToken))
        {
            ledger.ObserveNotifier(notifier);
        }

        return ledger.IsSettled(block.Name);
    }

    private async Task ApplyAsync(DesiredBlock block, string what, CancellationToken cancellationToken)
    {
        await api.PatchAsync(block.Path, block.SpecPatch(), cancellationToken);
        Count(what);
    }

    private void Count(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;
}
