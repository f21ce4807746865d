using System.ComponentModel.DataAnnotations;
using Operators.Runtime.Client;
using Operators.WorkQueue;

namespace Operators.Runtime.Cache;

/// <summary>Configures a <see cref="SharedInformer{T}"/> and its reflector. Validated when the informer is built.</summary>
public sealed class SharedInformerOptions
{
    /// <summary>The default <see cref="PageSize"/>: 500 objects per list page.</summary>
    public const int DefaultPageSize = 500;

    /// <summary>Gets the default <see cref="ResyncPeriod"/>: 10 hours, as controller-runtime's sync period.</summary>
    public static TimeSpan DefaultResyncPeriod { get; } = TimeSpan.FromHours(10);

    /// <summary>Gets the default <see cref="MinWatchTimeout"/>: 5 minutes.</summary>
    public static TimeSpan DefaultMinWatchTimeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the default <see cref="InitialBackoff"/>: 800 ms.</summary>
    public static TimeSpan DefaultInitialBackoff { get; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Gets the default <see cref="MaxBackoff"/>: 30 s.</summary>
    public static TimeSpan DefaultMaxBackoff { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the default <see cref="BackoffResetAfter"/>: 2 minutes.</summary>
    public static TimeSpan DefaultBackoffResetAfter { get; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets or sets a value indicating whether <see cref="SharedInformerFactory"/> caches objects compacted by
    /// <see cref="ObjectTransforms.DropManagedFieldsAndShare{T}"/> (shared strings and read-only small maps, a
    /// pool per informer) rather than only without managedFields.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CompactObjects { get; set; } = true;

    /// <summary>Gets or sets a label selector narrowing what the informer caches.</summary>
    public string? LabelSelector { get; set; }

    /// <summary>Gets or sets a field selector narrowing what the informer caches.</summary>
    public string? FieldSelector { get; set; }

    /// <summary>Gets or sets how often every cached object is handed to the handlers again (from the cache, without API calls); zero turns resync off.</summary>
    /// <value>The default value is <see cref="DefaultResyncPeriod"/>; from zero to 7 days.</value>
    [TimeSpanRange("00:00:00", "7.00:00:00")]
    public TimeSpan ResyncPeriod { get; set; } = DefaultResyncPeriod;

    /// <summary>Gets or sets the list page size (<c>limit</c>).</summary>
    /// <value>The default value is <see cref="DefaultPageSize"/>; from 1 to 100,000.</value>
    [Range(1, 100_000)]
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>Gets or sets the shortest server-side watch timeout; each watch picks one at random up to twice this.</summary>
    /// <value>The default value is <see cref="DefaultMinWatchTimeout"/>; from 1 s to 1 hour.</value>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan MinWatchTimeout { get; set; } = DefaultMinWatchTimeout;

    /// <summary>Gets or sets the first delay after a failed list or watch; it doubles per failure, with jitter.</summary>
    /// <value>The default value is <see cref="DefaultInitialBackoff"/>; from 1 ms to 1 minute.</value>
    [TimeSpanRange("00:00:00.001", "00:01:00")]
    public TimeSpan InitialBackoff { get; set; } = DefaultInitialBackoff;

    /// <summary>Gets or sets the longest delay between failed attempts.</summary>
    /// <value>The default value is <see cref="DefaultMaxBackoff"/>; from 1 ms to 10 minutes.</value>
    [TimeSpanRange("00:00:00.001", "00:10:00")]
    public TimeSpan MaxBackoff { get; set; } = DefaultMaxBackoff;

    /// <summary>Gets or sets how long without failures resets the backoff to <see cref="InitialBackoff"/>.</summary>
    /// <value>The default value is <see cref="DefaultBackoffResetAfter"/>; from 1 s to 1 hour.</value>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan BackoffResetAfter { get; set; } = DefaultBackoffResetAfter;
}
