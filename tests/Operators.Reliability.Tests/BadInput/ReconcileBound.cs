using System.Globalization;
using System.Text.RegularExpressions;

namespace Operators.Reliability.Tests.BadInput;

/// <summary>
/// The most reconciles an operator may run in a quiet window of length W when nothing loops hot. With no
/// object written during the window (asserted separately), a key is reconciled only
/// <list type="bullet">
/// <item>by a resync: each of the operator's <c>informers</c> redelivers its cache at most ⌈W / sync period⌉ times;</item>
/// <item>by a retry after an error: the work queue's per-item backoff is 5 ms · 2^n (client-go's default), so one key
/// fails at most ⌈log2(W / 5 ms)⌉ + 1 times in W (14 in 30 s), however long it has been failing;</item>
/// </list>
/// so the bound is <c>keys × (informers × ⌈W / sync⌉ + ⌈log2(W / 5 ms)⌉ + 1)</c>. A hot loop (requeue without
/// backoff, or a write that triggers its own reconcile) runs hundreds of reconciles a second and breaks it at once.
/// </summary>
/// <param name="Keys">The objects the operator reconciles (its primary kind).</param>
/// <param name="Informers">How many informers feed its work queue.</param>
/// <param name="SyncPeriod">Its resync period.</param>
internal sealed partial record ReconcileBound(int Keys, int Informers, TimeSpan SyncPeriod)
{
    /// <summary>The work queue's first per-item backoff.</summary>
    public static readonly TimeSpan BaseBackoff = TimeSpan.FromMilliseconds(5);

    /// <summary>The resync period of an operator started without <c>--sync-period</c>.</summary>
    public static readonly TimeSpan DefaultSyncPeriod = TimeSpan.FromHours(10);

    /// <summary>The bound for a window.</summary>
    /// <param name="window">The window's length.</param>
    /// <returns>The most reconciles allowed.</returns>
    public long For(TimeSpan window) =>
        Keys * ((Informers * (long)Math.Ceiling(window / SyncPeriod)) + RetriesPerKey(window));

    /// <summary>The most backoff retries of one key in a window: ⌈log2(W / 5 ms)⌉ + 1.</summary>
    /// <param name="window">The window's length.</param>
    /// <returns>The count.</returns>
    public static long RetriesPerKey(TimeSpan window) => (long)Math.Ceiling(Math.Log2(window / BaseBackoff)) + 1;

    /// <summary>Reads <c>--sync-period</c> (a Go duration such as <c>30s</c> or <c>1m30s</c>) from an operator's arguments.</summary>
    /// <param name="arguments">The command line.</param>
    /// <returns>The period, or <see cref="DefaultSyncPeriod"/>.</returns>
    public static TimeSpan SyncPeriodOf(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].StartsWith("--sync-period=", StringComparison.Ordinal) ? arguments[i]["--sync-period=".Length..]
                : arguments[i] == "--sync-period" && i + 1 < arguments.Count ? arguments[i + 1] : null;
            if (value is not null)
            {
                return GoDuration().Matches(value).Aggregate(TimeSpan.Zero, (sum, m) => sum + Part(m));
            }
        }

        return DefaultSyncPeriod;
    }

    private static TimeSpan Part(Match match)
    {
        var number = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "h" => TimeSpan.FromHours(number),
            "m" => TimeSpan.FromMinutes(number),
            "s" => TimeSpan.FromSeconds(number),
            _ => TimeSpan.FromMilliseconds(number),
        };
    }

    [GeneratedRegex(@"(?<n>[0-9.]+)(?<unit>ms|h|m|s)")]
    private static partial Regex GoDuration();
}
