using System.Globalization;

namespace Operators.Runtime.Events;

/// <summary>
/// Folds repeats into series: an occurrence whose key was last seen within the window joins that
/// Event (count + 1); otherwise it starts a new Event with a new name. Used by one thread only.
/// </summary>
internal sealed class EventAggregator(TimeSpan window)
{
    /// <summary>The most series remembered; beyond it the least recently seen are forgotten.</summary>
    public const int MaxEntries = 10_000;

    private const int NameMaxLength = 253;
    private const int SuffixLength = 17;
    private readonly Dictionary<EventKey, EventSeriesEntry> _entries = [];
    private long _lastTicks;

    /// <summary>Gets the number of series remembered.</summary>
    public int Count => _entries.Count;

    /// <summary>Counts <paramref name="occurrence"/> and returns the Event it belongs to.</summary>
    public EventSeriesEntry Record(EventOccurrence occurrence)
    {
        var key = occurrence.Key;
        if (_entries.TryGetValue(key, out var entry) && occurrence.At - entry.LastObserved <= window)
        {
            entry.Count++;
            entry.LastObserved = occurrence.At > entry.LastObserved ? occurrence.At : entry.LastObserved;
            return entry;
        }

        var regarding = occurrence.Regarding;
        entry = new EventSeriesEntry(occurrence, string.IsNullOrEmpty(regarding.NamespaceProperty) ? "default" : regarding.NamespaceProperty, NewName(regarding.Name, occurrence.At));
        _entries[key] = entry;
        return entry;
    }

    /// <summary>Forgets <paramref name="entry"/>, so the next repeat starts a new Event.</summary>
    public void Forget(EventSeriesEntry entry)
    {
        if (_entries.TryGetValue(entry.First.Key, out var current) && ReferenceEquals(current, entry))
        {
            _entries.Remove(entry.First.Key);
        }
    }

    /// <summary>Forgets series not seen within the window, and the oldest ones beyond <see cref="MaxEntries"/>.</summary>
    public void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries.Where(p => now - p.Value.LastObserved > window && p.Value.WrittenCount == p.Value.Count).ToList())
        {
            _entries.Remove(key);
        }

        if (_entries.Count > MaxEntries)
        {
            foreach (var (key, _) in _entries.OrderBy(p => p.Value.LastObserved).Take(_entries.Count - (MaxEntries / 2)).ToList())
            {
                _entries.Remove(key);
            }
        }
    }

    // "<object name>.<16 hex digits>", unique per recorder: the digits are time ticks, bumped when reused.
    private string NewName(string objectName, DateTimeOffset at)
    {
        _lastTicks = Math.Max(_lastTicks + 1, at.UtcTicks);
        var prefix = objectName.Length > NameMaxLength - SuffixLength ? objectName[..(NameMaxLength - SuffixLength)] : objectName;
        return prefix + "." + _lastTicks.ToString("x16", CultureInfo.InvariantCulture);
    }
}
