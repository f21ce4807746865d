using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Operators.Runtime.Client;
using Operators.Runtime.Objects;
using Prometheus;

namespace Operators.Runtime.Events;

/// <summary>
/// Writes <c>events.k8s.io/v1</c> Events in the background, the way client-go's event
/// broadcaster does:
/// <list type="number">
/// <item><see cref="Event(V1ObjectReference, string, string, string, string?)"/> validates its
/// arguments, stamps the time and puts the Event on a bounded queue; when the queue is full the
/// Event is dropped and counted in <c>event_recorder_dropped_total{controller}</c>.</item>
/// <item>One background loop takes what is queued, folds repeats of one Event (same object, type,
/// reason, action and note, within <see cref="EventRecorderOptions.SeriesWindow"/> of the last)
/// into a series, and writes: a create for a new Event, a merge patch of <c>series</c>
/// (count, lastObservedTime) for a repeat; repeats queued together cost one patch.</item>
/// <item>Transient failures (429, 5xx, transport) are retried <see cref="EventRecorderOptions.MaxAttempts"/>
/// times; other failures are logged and the Event is given up. A series whose Event vanished is created again.</item>
/// </list>
/// </summary>
public sealed class EventRecorder : IEventRecorder, IAsyncDisposable
{
    /// <summary>The counter of Events dropped because the queue was full.</summary>
    public const string DroppedMetricName = "event_recorder_dropped_total";

    private const int MaxBatch = 256;
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly IEventSink _sink;
    private readonly EventRecorderOptions _options;
    private readonly string _reportingInstance;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<EventOccurrence> _queue;
    private readonly EventAggregator _aggregator;
    private readonly Counter.Child _droppedMetric;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _processing;
    private DateTimeOffset _lastSweep;
    private long _dropped;

    /// <summary>Initializes a new instance of the <see cref="EventRecorder"/> class and starts its background writer.</summary>
    /// <param name="client">The client whose <c>EventsV1</c> API writes the Events.</param>
    /// <param name="options">The reporting controller and queue settings; validated here.</param>
    /// <param name="logger">The logger; null for none.</param>
    /// <param name="timeProvider">The clock; null for <see cref="TimeProvider.System"/>.</param>
    /// <param name="registry">The registry of <see cref="DroppedMetricName"/>; null for prometheus-net's default.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public EventRecorder(
        IKubernetes client,
        EventRecorderOptions options,
        ILogger<EventRecorder>? logger = null,
        TimeProvider? timeProvider = null,
        CollectorRegistry? registry = null)
        : this(new KubernetesEventSink(client ?? throw new ArgumentNullException(nameof(client))), options, logger, timeProvider, registry)
    {
    }

    internal EventRecorder(IEventSink sink, EventRecorderOptions options, ILogger? logger, TimeProvider? timeProvider, CollectorRegistry? registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new EventRecorderOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EventRecorderOptions), result.Failures);
        }

        _sink = sink;
        _options = options;
        _reportingInstance = options.ResolveReportingInstance();
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _queue = Channel.CreateBounded<EventOccurrence>(
            new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        _aggregator = new EventAggregator(options.SeriesWindow);
        _droppedMetric = Metrics.WithCustomRegistry(registry ?? Metrics.DefaultRegistry)
            .CreateCounter(DroppedMetricName, "Events dropped because the event recorder's queue was full.", "controller")
            .WithLabels(options.ReportingController);
        _lastSweep = _time.GetUtcNow();
        _processing = Task.Run(ProcessAsync);
    }

    /// <summary>Gets the number of Events dropped because the queue was full (or the recorder stopped).</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public void Event(IKubernetesObject<V1ObjectMeta> regarding, string type, string reason, string message, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(regarding);
        var (apiVersion, kind) = TypeIdentity.Of(regarding);
        var reference = new V1ObjectReference
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Name = regarding.Metadata?.Name,
            NamespaceProperty = regarding.Metadata?.NamespaceProperty,
            Uid = regarding.Metadata?.Uid,
        };
        Event(reference, type, reason, message, action);
    }

    /// <inheritdoc />
    public void Event(V1ObjectReference regarding, string type, string reason, string message, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(regarding);
        ArgumentException.ThrowIfNullOrEmpty(regarding.Name, nameof(regarding));
        if (type is not (EventType.Normal or EventType.Warning))
        {
            throw new ArgumentException($"An Event's type is Normal or Warning, not '{type}'.", nameof(type));
        }

        CheckShortText(reason, nameof(reason));
        action ??= _options.Action;
        CheckShortText(action, nameof(action));
        var occurrence = new EventOccurrence(
            new V1ObjectReference
            {
                ApiVersion = regarding.ApiVersion,
                Kind = regarding.Kind,
                Name = regarding.Name,
                NamespaceProperty = regarding.NamespaceProperty,
                Uid = regarding.Uid,
                FieldPath = regarding.FieldPath,
            },
            type,
            reason,
            action,
            EventNote.Truncate(message),
            _time.GetUtcNow());
        if (!_queue.Writer.TryWrite(occurrence))
        {
            Interlocked.Increment(ref _dropped);
            _droppedMetric.Inc();
            EventRecorderLog.Dropped(_logger, type, reason, regarding.Kind, regarding.NamespaceProperty, regarding.Name);
        }
    }

    /// <summary>Stops taking Events, writes what is queued (for up to 5 seconds), then stops the writer.</summary>
    /// <returns>A task that completes when the writer has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _processing.WaitAsync(DrainTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            EventRecorderLog.StoppedWithPending(_logger, _queue.Reader.Count);
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _processing.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private static void CheckShortText(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 128)
        {
            throw new ArgumentException($"An Event's {name} must be 1-128 characters.", name);
        }
    }

    private async Task ProcessAsync()
    {
        var token = _stopping.Token;
        var batch = new List<EventSeriesEntry>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var occurrence))
                {
                    var entry = _aggregator.Record(occurrence);
                    if (!batch.Contains(entry))
                    {
                        batch.Add(entry);
                    }
                }

                // Entries of one batch are distinct Events, so they are written side by side; the
                // aggregator is only touched again by this loop once they are all done.
                var abandoned = new ConcurrentBag<EventSeriesEntry>();
                await Parallel.ForEachAsync(
                    batch,
                    new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentWrites },
                    async (entry, _) =>
                    {
                        if (!await WriteAsync(entry, token).ConfigureAwait(false) && entry.WrittenCount == 0)
                        {
                            abandoned.Add(entry);
                        }
                    }).ConfigureAwait(false);
                foreach (var entry in abandoned)
                {
                    _aggregator.Forget(entry);
                }

                var now = _time.GetUtcNow();
                if (now - _lastSweep >= SweepInterval)
                {
                    _aggregator.Sweep(now);
                    _lastSweep = now;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped before the queue drained.
        }
    }

    // False when the writer gave up on the Event.
    private async Task<bool> WriteAsync(EventSeriesEntry entry, CancellationToken token)
    {
        for (var attempt = 1; entry.WrittenCount < entry.Count; attempt++)
        {
            var count = entry.Count;
            try
            {
                if (entry.WrittenCount == 0)
                {
                    await _sink.CreateAsync(ToEvent(entry), token).ConfigureAwait(false);
                }
                else
                {
                    await PatchOrCreateAsync(entry, token).ConfigureAwait(false);
                }

                entry.WrittenCount = count;
            }
            catch (Exception ex) when (IsTransient(ex, token) && attempt < _options.MaxAttempts)
            {
                EventRecorderLog.Retrying(_logger, ex, entry.Namespace, entry.Name, attempt);
                await Task.Delay(_options.RetryDelay, _time, token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Whatever fails one Event must not stop the writer of all others.
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
#pragma warning restore CA1031
            {
                EventRecorderLog.GaveUp(_logger, ex, entry.Namespace, entry.Name);
                return false;
            }
        }

        return true;
    }

    private async Task PatchOrCreateAsync(EventSeriesEntry entry, CancellationToken token)
    {
        try
        {
            await _sink.PatchSeriesAsync(entry.Namespace, entry.Name, Series(entry)!, token).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            await _sink.CreateAsync(ToEvent(entry), token).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(Exception ex, CancellationToken token) => ex switch
    {
        HttpOperationException http => http.Response?.StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError,
        OperationCanceledException => !token.IsCancellationRequested,
        _ => RetryClassifier.IsTransportError(ex),
    };

    private static Eventsv1EventSeries? Series(EventSeriesEntry entry) =>
        entry.Count < 2 ? null : new Eventsv1EventSeries { Count = entry.Count, LastObservedTime = entry.LastObserved.UtcDateTime };

    private Eventsv1Event ToEvent(EventSeriesEntry entry) => new()
    {
        ApiVersion = "events.k8s.io/v1",
        Kind = "Event",
        Metadata = new V1ObjectMeta { Name = entry.Name, NamespaceProperty = entry.Namespace },
        EventTime = entry.First.At.UtcDateTime,
        Regarding = entry.First.Regarding,
        Type = entry.First.Type,
        Reason = entry.First.Reason,
        Action = entry.First.Action,
        Note = entry.First.Note,
        ReportingController = _options.ReportingController,
        ReportingInstance = _reportingInstance,
        Series = Series(entry),
    };
}
