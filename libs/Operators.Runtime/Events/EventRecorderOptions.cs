using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Operators.Runtime.Objects;

namespace Operators.Runtime.Events;

/// <summary>Configures an <see cref="EventRecorder"/>. Validated when the recorder is built.</summary>
public sealed class EventRecorderOptions : IValidatableObject
{
    /// <summary>The default <see cref="Action"/>.</summary>
    public const string DefaultAction = "Reconcile";

    /// <summary>The default <see cref="MaxConcurrentWrites"/>.</summary>
    public const int DefaultMaxConcurrentWrites = 4;

    /// <summary>The default <see cref="QueueCapacity"/>.</summary>
    public const int DefaultQueueCapacity = 1000;

    /// <summary>The default <see cref="MaxAttempts"/>.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>The default <see cref="SeriesWindow"/>: 6 minutes, when client-go finishes a series.</summary>
    public static readonly TimeSpan DefaultSeriesWindow = TimeSpan.FromMinutes(6);

    /// <summary>The default <see cref="RetryDelay"/>.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the controller that reports, written to <c>reportingController</c>, e.g. <c>openstack.operators.dev/building-block</c>.</summary>
    /// <value>Required: a qualified name.</value>
    [Required]
    public string ReportingController { get; set; } = string.Empty;

    /// <summary>Gets or sets the reporting instance, written to <c>reportingInstance</c>.</summary>
    /// <value>The default value is null: the controller's name part, a dash and the host name, cut to 128 characters.</value>
    [StringLength(128)]
    public string? ReportingInstance { get; set; }

    /// <summary>Gets or sets the <c>action</c> of Events recorded without one.</summary>
    /// <value>The default value is <see cref="DefaultAction"/>.</value>
    [Required]
    [StringLength(128, MinimumLength = 1)]
    public string Action { get; set; } = DefaultAction;

    /// <summary>Gets or sets how many Events may wait to be written; more are dropped and counted.</summary>
    /// <value>The default value is <see cref="DefaultQueueCapacity"/>; from 1 to 1,000,000.</value>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = DefaultQueueCapacity;

    /// <summary>Gets or sets how many Events are written to the API at the same time, so that a burst (hundreds of objects created at once) drains instead of filling the queue.</summary>
    /// <value>The default value is <see cref="DefaultMaxConcurrentWrites"/>; from 1 to 64.</value>
    [Range(1, 64)]
    public int MaxConcurrentWrites { get; set; } = DefaultMaxConcurrentWrites;

    /// <summary>Gets or sets how long after its last occurrence a repeat still joins an Event's series rather than starting a new Event.</summary>
    /// <value>The default value is <see cref="DefaultSeriesWindow"/>; from 1 ms to 1 day.</value>
    public TimeSpan SeriesWindow { get; set; } = DefaultSeriesWindow;

    /// <summary>Gets or sets how often a write that failed for a transient reason (429, 5xx, transport) is tried in all.</summary>
    /// <value>The default value is <see cref="DefaultMaxAttempts"/>; from 1 to 20.</value>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>Gets or sets the pause before trying a failed write again.</summary>
    /// <value>The default value is <see cref="DefaultRetryDelay"/>; from 0 to 1 minute.</value>
    public TimeSpan RetryDelay { get; set; } = DefaultRetryDelay;

    /// <summary>The reporting instance to write: <see cref="ReportingInstance"/> or its default.</summary>
    /// <returns>At most 128 characters.</returns>
    public string ResolveReportingInstance()
    {
        if (!string.IsNullOrEmpty(ReportingInstance))
        {
            return ReportingInstance;
        }

        var name = ReportingController[(ReportingController.LastIndexOf('/') + 1)..];
        var instance = name + "-" + Environment.MachineName;
        return instance.Length <= 128 ? instance : instance[..128];
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (QualifiedNames.Check(ReportingController) is { } error)
        {
            yield return new ValidationResult($"ReportingController '{ReportingController}' is not a qualified name: {error}.", [nameof(ReportingController)]);
        }

        if (SeriesWindow < TimeSpan.FromMilliseconds(1) || SeriesWindow > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult(
                string.Create(CultureInfo.InvariantCulture, $"SeriesWindow must be from 1 ms to 1 day; it is {SeriesWindow}."), [nameof(SeriesWindow)]);
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult(
                string.Create(CultureInfo.InvariantCulture, $"RetryDelay must be from 0 to 1 minute; it is {RetryDelay}."), [nameof(RetryDelay)]);
        }
    }
}
