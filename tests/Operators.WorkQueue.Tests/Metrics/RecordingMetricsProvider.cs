using Operators.WorkQueue.Metrics;

namespace Operators.WorkQueue.Tests.Metrics;

/// <summary>A metrics provider that records which instruments were asked for, and what they saw.</summary>
internal sealed class RecordingMetricsProvider : IWorkQueueMetricsProvider
{
    public List<string> Created { get; } = [];

    public Instrument Depth { get; } = new();

    public Instrument Adds { get; } = new();

    public Instrument QueueDuration { get; } = new();

    public Instrument WorkDuration { get; } = new();

    public Instrument UnfinishedWork { get; } = new();

    public Instrument LongestRunningProcessor { get; } = new();

    public Instrument Retries { get; } = new();

    public IGaugeMetric CreateDepthMetric(string name) => Record(WorkQueueMetricNames.Depth, name, Depth);

    public ICounterMetric CreateAddsMetric(string name) => Record(WorkQueueMetricNames.Adds, name, Adds);

    public IHistogramMetric CreateQueueDurationMetric(string name) => Record(WorkQueueMetricNames.QueueDuration, name, QueueDuration);

    public IHistogramMetric CreateWorkDurationMetric(string name) => Record(WorkQueueMetricNames.WorkDuration, name, WorkDuration);

    public ISettableGaugeMetric CreateUnfinishedWorkMetric(string name) => Record(WorkQueueMetricNames.UnfinishedWork, name, UnfinishedWork);

    public ISettableGaugeMetric CreateLongestRunningProcessorMetric(string name) =>
        Record(WorkQueueMetricNames.LongestRunningProcessor, name, LongestRunningProcessor);

    public ICounterMetric CreateRetriesMetric(string name) => Record(WorkQueueMetricNames.Retries, name, Retries);

    private Instrument Record(string metric, string name, Instrument instrument)
    {
        Created.Add($"{metric}/{name}");
        return instrument;
    }

    internal sealed class Instrument : ICounterMetric, IGaugeMetric, ISettableGaugeMetric, IHistogramMetric
    {
        public double Value { get; private set; }

        public List<double> Observations { get; } = [];

        public void Increment() => Value++;

        public void Decrement() => Value--;

        public void Set(double value) => Value = value;

        public void Observe(double value) => Observations.Add(value);
    }
}
