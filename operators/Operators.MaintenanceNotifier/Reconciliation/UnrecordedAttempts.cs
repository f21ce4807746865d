using System.Collections.Concurrent;
using Operators.Api.MaintenanceNotifiers;

namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>
/// The outcomes of delivery attempts whose status write has not landed yet, kept in memory until it does.
/// A notification once POSTed is recorded before anything else of its block happens: when the write fails
/// (the API server restarting, 5xx beyond the client's retries), the next reconcile of the notifier writes
/// the kept outcome first instead of planning from a status that never saw the attempt and sending again.
/// Only a crash of the process between the POST and the write can still lose an outcome (then the receiver
/// gets the same event id once more). Keyed by notifier (namespace/name) and block; an entry of a previous
/// notifier of the same name (another uid) is dropped.
/// </summary>
internal sealed class UnrecordedAttempts
{
    private readonly ConcurrentDictionary<(string Notifier, string Block), Entry> _entries = new();

    /// <summary>Keeps <paramref name="record"/> until <see cref="Release"/>.</summary>
    /// <param name="notifier">The notifier's cache key.</param>
    /// <param name="notifierUid">The notifier's uid.</param>
    /// <param name="record">The attempt's record.</param>
    public void Hold(string notifier, string notifierUid, DeliveryRecord record) =>
        _entries[(notifier, record.BuildingBlock)] = new Entry(notifierUid, record);

    /// <summary>Forgets <paramref name="record"/> once stored (not a newer one held meanwhile).</summary>
    /// <param name="notifier">The notifier's cache key.</param>
    /// <param name="record">The record stored.</param>
    public void Release(string notifier, DeliveryRecord record)
    {
        var key = (notifier, record.BuildingBlock);
        if (_entries.TryGetValue(key, out var entry) && ReferenceEquals(entry.Record, record))
        {
            _entries.TryRemove(new KeyValuePair<(string, string), Entry>(key, entry));
        }
    }

    /// <summary>The records held for a notifier; entries of another uid are dropped.</summary>
    /// <param name="notifier">The notifier's cache key.</param>
    /// <param name="notifierUid">The notifier's uid now; null when it is gone (everything is dropped).</param>
    /// <returns>The held records, by block.</returns>
    public IReadOnlyList<DeliveryRecord> Of(string notifier, string? notifierUid)
    {
        if (_entries.IsEmpty)
        {
            return [];
        }

        var held = new List<DeliveryRecord>();
        foreach (var (key, entry) in _entries)
        {
            if (key.Notifier != notifier)
            {
                continue;
            }

            if (entry.NotifierUid == notifierUid)
            {
                held.Add(entry.Record);
            }
            else
            {
                _entries.TryRemove(new KeyValuePair<(string, string), Entry>(key, entry));
            }
        }

        held.Sort((a, b) => string.CompareOrdinal(a.BuildingBlock, b.BuildingBlock));
        return held;
    }

    /// <summary>
    /// Whether a held record is newer than the one stored: none stored, the same event with fewer attempts,
    /// or an older transition. A stored record of a later transition or attempt (written by another replica
    /// after a handover) wins.
    /// </summary>
    /// <param name="held">The held record.</param>
    /// <param name="stored">The block's stored record, or null.</param>
    /// <returns><see langword="true"/> when the held record is to be written.</returns>
    public static bool IsNewer(DeliveryRecord held, DeliveryRecord? stored)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (stored is null)
        {
            return true;
        }

        return stored.EventId == held.EventId
            ? (stored.Attempts ?? 0) < (held.Attempts ?? 0)
            : (stored.TransitionTime ?? DateTime.MinValue) < (held.TransitionTime ?? DateTime.MinValue);
    }

    private sealed record Entry(string NotifierUid, DeliveryRecord Record);
}
