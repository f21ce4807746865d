using Prometheus;
using PrometheusMetrics = Prometheus.Metrics;

namespace Operators.WorkQueue.Metrics;

/// <summary>
/// Records the work queue's metrics with prometheus-net, under controller-runtime's names and
/// labels (<see cref="WorkQueueMetricNames"/>): every metric carries <c>name</c> and
/// <c>controller</c>, both set to the queue's name. The two histograms have controller-runtime's
/// buckets, 10 ns to 1000 s in steps of ten (<see cref="DurationBuckets"/>).
/// </summary>
public sealed class PrometheusWorkQueueMetricsProvider : IWorkQueueMetricsProvider
{
    private readonly Gauge _depth;
    private readonly Counter _adds;
    private readonly Histogram _queueDuration;
    private readonly Histogram _workDuration;
    private readonly Gauge _unfinishedWork;
    private readonly Gauge _longestRunningProcessor;
    private readonly Counter _retries;

    /// <summary>Initializes a new instance of the <see cref="PrometheusWorkQueueMetricsProvider"/> class that records into prometheus-net's default registry.</summary>
    public PrometheusWorkQueueMetricsProvider()
        : this(PrometheusMetrics.DefaultRegistry)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PrometheusWorkQueueMetricsProvider"/> class that records into <paramref name="registry"/>.</summary>
    /// <param name="registry">The registry that the metric families are registered with (once; later providers on the same registry share them).</param>
    public PrometheusWorkQueueMetricsProvider(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var factory = PrometheusMetrics.WithCustomRegistry(registry);
        string[] labels = [WorkQueueMetricNames.NameLabel, WorkQueueMetricNames.ControllerLabel];
        var durations = new HistogramConfiguration { LabelNames = labels, Buckets = [.. DurationBuckets] };

        _depth = factory.CreateGauge(WorkQueueMetricNames.Depth, "Items added to the work queue and not yet handed out.", labels);
        _adds = factory.CreateCounter(WorkQueueMetricNames.Adds, "Items that became queued in the work queue.", labels);
        _queueDuration = factory.CreateHistogram(
            WorkQueueMetricNames.QueueDuration, "Seconds an item waited in the work queue before a worker took it.", durations);
        _workDuration = factory.CreateHistogram(
            WorkQueueMetricNames.WorkDuration, "Seconds a worker spent on an item of the work queue, from hand-out to Done.", durations);
        _unfinishedWork = factory.CreateGauge(
            WorkQueueMetricNames.UnfinishedWork,
            "Seconds of work in progress and not yet recorded in the work duration, summed over the items in flight; a steady rise means stuck workers.",
            labels);
        _longestRunningProcessor = factory.CreateGauge(
            WorkQueueMetricNames.LongestRunningProcessor, "Seconds the longest running item in flight has been processed.", labels);
        _retries = factory.CreateCounter(WorkQueueMetricNames.Retries, "Delayed and rate-limited adds to the work queue.", labels);
    }

    /// <summary>Gets the buckets of the two duration histograms: 1e-8 × 10^k seconds, k = 0 … 11.</summary>
    public static IReadOnlyList<double> DurationBuckets { get; } = Histogram.ExponentialBuckets(1e-8, 10, 12);

    /// <inheritdoc />
    public IGaugeMetric CreateDepthMetric(string name) => new GaugeInstrument(Child(_depth, name));

    /// <inheritdoc />
    public ICounterMetric CreateAddsMetric(string name) => new CounterInstrument(Child(_adds, name));

    /// <inheritdoc />
    public IHistogramMetric CreateQueueDurationMetric(string name) => new HistogramInstrument(Child(_queueDuration, name));

    /// <inheritdoc />
    public IHistogramMetric CreateWorkDurationMetric(string name) => new HistogramInstrument(Child(_workDuration, name));

    /// <inheritdoc />
    public ISettableGaugeMetric CreateUnfinishedWorkMetric(string name) => new GaugeInstrument(Child(_unfinishedWork, name));

    /// <inheritdoc />
    public ISettableGaugeMetric CreateLongestRunningProcessorMetric(string name) => new GaugeInstrument(Child(_longestRunningProcessor, name));

    /// <inheritdoc />
    public ICounterMetric CreateRetriesMetric(string name) => new CounterInstrument(Child(_retries, name));

    private static TChild Child<TChild>(Collector<TChild> family, string name)
        where TChild : ChildBase
    {
        ArgumentNullException.ThrowIfNull(name);
        return family.WithLabels(name, name);
    }

    private sealed class GaugeInstrument(Gauge.Child gauge) : IGaugeMetric, ISettableGaugeMetric
    {
        public void Increment() => gauge.Inc();

        public void Decrement() => gauge.Dec();

        public void Set(double value) => gauge.Set(value);
    }

    private sealed class CounterInstrument(Counter.Child counter) : ICounterMetric
    {
        public void Increment() => counter.Inc();
    }

    private sealed class HistogramInstrument(Histogram.Child histogram) : IHistogramMetric
    {
        public void Observe(double value) => histogram.Observe(value);
    }
}
