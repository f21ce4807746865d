namespace Operators.WorkQueue.Metrics;

/// <summary>
/// The default metrics provider: records nothing. A queue given this provider (or none, or no
/// name) skips its metric bookkeeping altogether.
/// </summary>
public sealed class NoopWorkQueueMetricsProvider : IWorkQueueMetricsProvider
{
    private NoopWorkQueueMetricsProvider()
    {
    }

    /// <summary>Gets the one instance.</summary>
    public static NoopWorkQueueMetricsProvider Instance { get; } = new();

    /// <inheritdoc />
    public IGaugeMetric CreateDepthMetric(string name) => Instrument.Instance;

    /// <inheritdoc />
    public ICounterMetric CreateAddsMetric(string name) => Instrument.Instance;

    /// <inheritdoc />
    public IHistogramMetric CreateQueueDurationMetric(string name) => Instrument.Instance;

    /// <inheritdoc />
    public IHistogramMetric CreateWorkDurationMetric(string name) => Instrument.Instance;

    /// <inheritdoc />
    public ISettableGaugeMetric CreateUnfinishedWorkMetric(string name) => Instrument.Instance;

    /// <inheritdoc />
    public ISettableGaugeMetric CreateLongestRunningProcessorMetric(string name) => Instrument.Instance;

    /// <inheritdoc />
    public ICounterMetric CreateRetriesMetric(string name) => Instrument.Instance;

    private sealed class Instrument : ICounterMetric, IGaugeMetric, ISettableGaugeMetric, IHistogramMetric
    {
        public static readonly Instrument Instance = new();

        public void Increment()
        {
        }

        public void Decrement()
        {
        }

        public void Set(double value)
        {
        }

        public void Observe(double value)
        {
        }
    }
}
