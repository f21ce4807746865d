using System.Diagnostics;
using System.Globalization;
using Operators.LocalRun;

namespace Operators.Benchmarks.Footprint;

/// <summary>
/// One start of a published operator as its own process (leader election off, text logs, metrics and
/// probes on free loopback ports): how long until <c>/readyz</c> answers 200, when it is idle, and its
/// resident memory then. Disposing stops it with SIGTERM.
/// </summary>
internal sealed class OperatorRun : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdleCpu = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan RssInterval = TimeSpan.FromMilliseconds(250);

    private readonly ChildProcess _child;
    private readonly long _started;
    private readonly HttpClient _probe;

    private OperatorRun(ChildProcess child, long started, OperatorEndpoints endpoints)
    {
        _child = child;
        _started = started;
        _probe = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) })
        {
            BaseAddress = endpoints.Health,
            Timeout = TimeSpan.FromSeconds(5),
        };
    }

    public int Pid => _child.Pid;

    /// <summary>Starts <paramref name="published"/> against <paramref name="kubeconfig"/>; the clock starts just before the process does.</summary>
    public static OperatorRun Start(PublishedOperator published, string kubeconfig, IEnumerable<string> extraArguments)
    {
        var endpoints = OperatorEndpoints.Allocate();
        List<string> arguments =
        [
            .. published.Arguments,
            "--kubeconfig", kubeconfig,
            "--log-format", "text",
            "--metrics-bind-address", "127.0.0.1:" + endpoints.MetricsPort.ToString(CultureInfo.InvariantCulture),
            "--health-probe-bind-address", "127.0.0.1:" + endpoints.HealthPort.ToString(CultureInfo.InvariantCulture),
            .. extraArguments,
        ];
        var started = Stopwatch.GetTimestamp();
        var child = ChildProcess.Start(new ChildSpec(published.Label, published.FileName, arguments), (_, _) => { }, setsid: null, TimeProvider.System);
        return new OperatorRun(child, started, endpoints);
    }

    /// <summary>Polls <c>/readyz</c> every 5 ms; the time from the start to its first 200.</summary>
    /// <exception cref="InvalidOperationException">The process exited, or it was not ready within <paramref name="deadline"/>.</exception>
    public async Task<TimeSpan> WaitReadyAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var response = await _probe.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(_started);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (_child.HasExited)
            {
                throw new InvalidOperationException($"{_child.Name} exited (code {await _child.Exited}): {string.Join(" / ", _child.RecentLines.TakeLast(3))}");
            }

            if (Stopwatch.GetElapsedTime(_started) > deadline)
            {
                throw new InvalidOperationException($"{_child.Name} was not ready within {deadline.TotalSeconds:0} s");
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>Waits until the process used at most 10 ms of CPU in one second (1 %); false when it was still busy at <paramref name="deadline"/>.</summary>
    public async Task<bool> WaitIdleAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var before = ProcStatus.CpuTime(Pid) ?? TimeSpan.Zero;
        while (watch.Elapsed < deadline)
        {
            await Task.Delay(IdleWindow, cancellationToken);
            var now = ProcStatus.CpuTime(Pid) ?? throw new InvalidOperationException($"{_child.Name} exited while settling");
            if (now - before <= IdleCpu)
            {
                return true;
            }

            before = now;
        }

        return false;
    }

    /// <summary>The median of <c>VmRSS</c> sampled every 250 ms for <paramref name="duration"/>.</summary>
    public async Task<long> IdleResidentBytesAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var samples = new List<long>();
        var watch = Stopwatch.StartNew();
        do
        {
            samples.Add(ProcStatus.ResidentBytes(Pid) ?? throw new InvalidOperationException($"{_child.Name} exited while sampled"));
            await Task.Delay(RssInterval, cancellationToken);
        }
        while (watch.Elapsed < duration);

        samples.Sort();
        return samples[samples.Count / 2];
    }

    public async ValueTask DisposeAsync()
    {
        await _child.StopAsync(TimeSpan.FromSeconds(10));
        _probe.Dispose();
    }
}
