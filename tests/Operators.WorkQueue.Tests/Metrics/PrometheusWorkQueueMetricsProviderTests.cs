using System.Globalization;
using System.Text;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Operators.WorkQueue.Metrics;
using Prometheus;
using PrometheusMetrics = Prometheus.Metrics;

namespace Operators.WorkQueue.Tests.Metrics;

public class PrometheusWorkQueueMetricsProviderTests
{
    private const string Labels = "{name=\"building-block\",controller=\"building-block\"}";

    private CollectorRegistry _registry = null!;
    private FakeTimeProvider _time = null!;
    private PriorityWorkQueue<string> _queue = null!;

    [SetUp]
    public void SetUp()
    {
        _registry = PrometheusMetrics.NewCustomRegistry();
        _time = new FakeTimeProvider();
        _queue = NewQueue("building-block");
    }

    [TearDown]
    public void TearDown() => _queue.Dispose();

    [Test]
    public async Task Metrics_HaveControllerRuntimesNamesTypesAndLabels()
    {
        var text = await ScrapeAsync();

        text.Should().Contain("# TYPE workqueue_depth gauge")
            .And.Contain("# TYPE workqueue_adds_total counter")
            .And.Contain("# TYPE workqueue_queue_duration_seconds histogram")
            .And.Contain("# TYPE workqueue_work_duration_seconds histogram")
            .And.Contain("# TYPE workqueue_unfinished_work_seconds gauge")
            .And.Contain("# TYPE workqueue_longest_running_processor_seconds gauge")
            .And.Contain("# TYPE workqueue_retries_total counter");
        foreach (var sample in new[]
        {
            "workqueue_depth", "workqueue_adds_total", "workqueue_queue_duration_seconds_count", "workqueue_work_duration_seconds_count",
            "workqueue_unfinished_work_seconds", "workqueue_longest_running_processor_seconds", "workqueue_retries_total",
        })
        {
            text.Should().Contain($"\n{sample}{Labels} 0");
        }
    }

    [Test]
    public async Task DurationHistograms_HaveBucketsFromTenNanosecondsToAThousandSeconds()
    {
        PrometheusWorkQueueMetricsProvider.DurationBuckets.Should().Equal(
            [1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000],
            (actual, expected) => Math.Abs(actual - expected) <= expected * 1e-9);

        var text = await ScrapeAsync();

        CountLines(text, "workqueue_queue_duration_seconds_bucket{").Should().Be(13, "12 buckets and +Inf");
        CountLines(text, "workqueue_work_duration_seconds_bucket{").Should().Be(13);
    }

    [Test]
    public async Task AddGetDone_CountsAddsDepthAndDurations()
    {
        _queue.Add("a");
        _queue.Add("b");
        _queue.Add("a");
        _time.Advance(TimeSpan.FromSeconds(2));
        var item = _queue.Take();
        _time.Advance(TimeSpan.FromSeconds(3));
        _queue.Done(item);

        var text = await ScrapeAsync();

        Sample(text, "workqueue_adds_total").Should().Be(2);
        Sample(text, "workqueue_depth").Should().Be(1);
        Sample(text, "workqueue_queue_duration_seconds_count").Should().Be(1);
        Sample(text, "workqueue_queue_duration_seconds_sum").Should().Be(2);
        Sample(text, "workqueue_work_duration_seconds_count").Should().Be(1);
        Sample(text, "workqueue_work_duration_seconds_sum").Should().Be(3);
    }

    [Test]
    public async Task Add_WhileProcessing_CountsOneAddAndTheQueueDurationFromThatAdd()
    {
        _queue.Add("a");
        var item = _queue.Take();
        _time.Advance(TimeSpan.FromSeconds(1));
        _queue.Add("a");
        _time.Advance(TimeSpan.FromSeconds(4));
        _queue.Done(item);

        (await ScrapeSampleAsync("workqueue_depth")).Should().Be(1, "an item added while processed is counted in the depth");
        _queue.Take();

        var text = await ScrapeAsync();
        Sample(text, "workqueue_adds_total").Should().Be(2);
        Sample(text, "workqueue_depth").Should().Be(0);
        Sample(text, "workqueue_queue_duration_seconds_sum").Should().Be(4);
    }

    [Test]
    public async Task AddAfter_CountsARetryAndTheAddOnlyOnceTheItemIsReady()
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(1));

        var text = await ScrapeAsync();
        Sample(text, "workqueue_retries_total").Should().Be(1);
        Sample(text, "workqueue_adds_total").Should().Be(0);
        Sample(text, "workqueue_depth").Should().Be(0);

        _time.Advance(TimeSpan.FromSeconds(1));

        text = await ScrapeAsync();
        Sample(text, "workqueue_adds_total").Should().Be(1);
        Sample(text, "workqueue_depth").Should().Be(1);
    }

    [Test]
    public async Task Retries_CountDelayedAndRateLimitedAddsButNotPlainOnes()
    {
        _queue.Add("a");
        _queue.Add("b", new AddOptions { Priority = 3 });
        _queue.AddAfter("c", TimeSpan.FromSeconds(1));
        _queue.AddRateLimited("d");
        _queue.Add("e", new AddOptions { After = TimeSpan.FromSeconds(1) });
        _queue.Add("f", new AddOptions { RateLimited = true });

        (await ScrapeSampleAsync("workqueue_retries_total")).Should().Be(4);
    }

    [Test]
    public async Task UnfinishedWork_IsUpdatedEveryPeriodFromTheItemsInFlight()
    {
        _queue.Add("a");
        _queue.Add("b");
        _queue.Take();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var second = _queue.Take();

        var text = await ScrapeAsync();
        Sample(text, "workqueue_unfinished_work_seconds").Should().Be(0.5);
        Sample(text, "workqueue_longest_running_processor_seconds").Should().Be(0.5);

        _time.Advance(TimeSpan.FromMilliseconds(500));

        text = await ScrapeAsync();
        Sample(text, "workqueue_unfinished_work_seconds").Should().Be(1.5);
        Sample(text, "workqueue_longest_running_processor_seconds").Should().Be(1);

        _queue.Done(second);
        _time.Advance(TimeSpan.FromMilliseconds(500));

        text = await ScrapeAsync();
        Sample(text, "workqueue_unfinished_work_seconds").Should().Be(1.5);
        Sample(text, "workqueue_longest_running_processor_seconds").Should().Be(1.5);
    }

    [Test]
    public async Task ShutDown_BringsTheDepthBackToZero()
    {
        _queue.Add("a");
        _queue.Add("b");
        _queue.Add("c");
        var item = _queue.Take();
        _queue.Add(item);

        _queue.ShutDown();
        _queue.Done(item);

        (await ScrapeSampleAsync("workqueue_depth")).Should().Be(0);
    }

    [Test]
    public async Task TwoQueues_OnOneRegistry_ReportUnderTheirOwnNames()
    {
        using var other = NewQueue("nova-agent");

        other.Add("x");

        var text = await ScrapeAsync();
        text.Should().Contain("workqueue_adds_total{name=\"nova-agent\",controller=\"nova-agent\"} 1");
        Sample(text, "workqueue_adds_total").Should().Be(0);
    }

    [Test]
    public async Task UnnamedQueue_RecordsNoMetrics()
    {
        using var unnamed = new WorkQueue<string>(new WorkQueueOptions(), _time, new PrometheusWorkQueueMetricsProvider(_registry));

        unnamed.Add("a");

        (await ScrapeAsync()).Should().NotContain("name=\"\"");
    }

    private PriorityWorkQueue<string> NewQueue(string name) => new(
        new WorkQueueOptions { Name = name },
        new FixedRateLimiter<string>(TimeSpan.FromSeconds(1)),
        _time,
        new PrometheusWorkQueueMetricsProvider(_registry));

    private async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private async Task<double> ScrapeSampleAsync(string metric) => Sample(await ScrapeAsync(), metric);

    private static double Sample(string text, string metric)
    {
        var prefix = metric + Labels + " ";
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        line.Should().NotBeNull($"the scrape should have {prefix}");
        return double.Parse(line![prefix.Length..], CultureInfo.InvariantCulture);
    }

    private static int CountLines(string text, string prefix) =>
        text.Split('\n').Count(line => line.StartsWith(prefix, StringComparison.Ordinal) && line.Contains(Labels[1..^1], StringComparison.Ordinal));
}
