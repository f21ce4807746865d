namespace Operators.WorkQueue.Metrics;

/// <summary>The instruments of one named queue. The queue calls it under its lock.</summary>
internal sealed class QueueMetrics
{
    private readonly IGaugeMetric _depth;
    private readonly ICounterMetric _adds;
    private readonly IHistogramMetric _queueDuration;
    private readonly IHistogramMetric _workDuration;
    private readonly ISettableGaugeMetric _unfinishedWork;
    private readonly ISettableGaugeMetric _longestRunningProcessor;
    private readonly ICounterMetric _retries;

    private QueueMetrics(string name, IWorkQueueMetricsProvider provider)
    {
        _depth = provider.CreateDepthMetric(name);
        _adds = provider.CreateAddsMetric(name);
        _queueDuration = provider.CreateQueueDurationMetric(name);
        _workDuration = provider.CreateWorkDurationMetric(name);
        _unfinishedWork = provider.CreateUnfinishedWorkMetric(name);
        _longestRunningProcessor = provider.CreateLongestRunningProcessorMetric(name);
        _retries = provider.CreateRetriesMetric(name);
    }

    /// <summary>Returns the instruments, or <see langword="null"/> when the queue records no metrics.</summary>
    public static QueueMetrics? Create(string name, IWorkQueueMetricsProvider? provider) =>
        provider is null or NoopWorkQueueMetricsProvider || name.Length == 0 ? null : new QueueMetrics(name, provider);

    public void Added()
    {
        _adds.Increment();
        _depth.Increment();
    }

    public void Taken(TimeSpan queued)
    {
        _depth.Decrement();
        _queueDuration.Observe(queued.TotalSeconds);
    }

    public void Finished(TimeSpan worked) => _workDuration.Observe(worked.TotalSeconds);

    public void Dropped(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _depth.Decrement();
        }
    }

    public void Retried() => _retries.Increment();

    public void SetUnfinishedWork(double totalSeconds, double longestSeconds)
    {
        _unfinishedWork.Set(totalSeconds);
        _longestRunningProcessor.Set(longestSeconds);
    }
}
