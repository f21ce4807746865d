using System.Text.Json.Nodes;

namespace Operators.Soak;

/// <summary>
/// Every maintenance transition the soak saw, and what each notifier that follows the block recorded for
/// it. A block's status keeps only its latest Entered and Left times, and a notifier's status only the
/// latest delivery per block, so the soak lets a block change its maintenance state only once the ledger
/// is <see cref="IsSettled">settled</see> for it: every transition then passes through here.
/// </summary>
internal sealed class TransitionLedger(IReadOnlyList<DesiredNotifier> notifiers)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ExpectedNotification> _expected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _recordedIds = new(StringComparer.Ordinal);

    /// <summary>Gets a copy of every expected notification.</summary>
    public IReadOnlyList<ExpectedNotification> Expected
    {
        get
        {
            lock (_gate)
            {
                return [.. _expected.Values.OrderBy(e => e.Time).ThenBy(e => e.Notifier, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Gets the event ids notifiers recorded in their status, with the notifier's name.</summary>
    public IReadOnlyDictionary<string, string> RecordedIds
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, string>(_recordedIds, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Records the transitions a block's status shows (the rules of DESIGN.md 6.3).</summary>
    /// <param name="block">The BuildingBlock object.</param>
    /// <param name="desired">What the soak knows of it.</param>
    public void ObserveBlock(JsonObject block, DesiredBlock desired)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(desired);
        var uid = block["metadata"]?["uid"]?.GetValue<string>() ?? string.Empty;
        var history = block["status"]?["maintenance"];
        var entered = SoakEventIds.WholeSeconds(history?["lastEnteredTime"]?.GetValue<string>());
        var left = SoakEventIds.WholeSeconds(history?["lastLeftTime"]?.GetValue<string>());
        var inMaintenance = SoakChecks.ConditionStatus(block, "Maintenance") == "True";
        lock (_gate)
        {
            if (entered is { } e)
            {
                Expect(desired, uid, "Entered", e);
            }

            if (left is { } l && !inMaintenance && (entered is null || l >= entered))
            {
                Expect(desired, uid, "Left", l);
            }
        }
    }

    /// <summary>Records the finished delivery records of a notifier's status.</summary>
    /// <param name="notifier">The MaintenanceNotifier object.</param>
    public void ObserveNotifier(JsonObject notifier)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        var name = notifier["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;
        foreach (var record in (notifier["status"]?["deliveries"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = record["eventId"]?.GetValue<string>();
            var phase = record["phase"]?.GetValue<string>();
            if (id is null)
            {
                continue;
            }

            lock (_gate)
            {
                _recordedIds[id] = name;
                if (_expected.TryGetValue(id, out var expected) && phase is "Delivered" or "Skipped" or "Failed")
                {
                    expected.Phase = phase;
                }
            }
        }
    }

    /// <summary>Whether every transition seen of <paramref name="block"/> has a finished delivery record at every notifier that follows it.</summary>
    /// <param name="block">The block's name.</param>
    /// <returns>The result.</returns>
    public bool IsSettled(string block)
    {
        lock (_gate)
        {
            return _expected.Values.Where(e => e.Block == block).All(e => e.Phase is not null);
        }
    }

    private void Expect(DesiredBlock block, string uid, string eventType, DateTime time)
    {
        foreach (var notifier in notifiers.Where(n => n.Selects(block) && n.Events.Contains(eventType) && time >= Truncate(n.Created)))
        {
            var id = SoakEventIds.For(notifier.Uid, uid, eventType, time);
            _expected.TryAdd(id, new ExpectedNotification(notifier.Name, block.Name, eventType, time, id));
        }
    }

    private static DateTime Truncate(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
