using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Operators.WorkQueue;
using Prometheus;

namespace Operators.Runtime.Controllers;

/// <summary>
/// Runs a reconciler over a work queue of keys with <see cref="ControllerOptions.MaxConcurrentReconciles"/>
/// workers. The queue guarantees a key is never reconciled concurrently with itself; this class maps
/// each reconcile's outcome to the queue in exactly one place (<see cref="Settle"/>):
/// <list type="bullet">
/// <item>exception → rate-limited requeue (a <see cref="TerminalReconcileException"/> → forget, no requeue);</item>
/// <item><see cref="ReconcileResult.RequeueAfter"/> → forget the failures, add after the delay;</item>
/// <item><see cref="ReconcileResult.RequeueWithBackoff"/> → rate-limited requeue;</item>
/// <item>done → forget.</item>
/// </list>
/// An exception never kills a worker. Stopping drains: queued keys are dropped, in-flight reconciles finish.
/// </summary>
public sealed class Controller
{
    private readonly ControllerOptions _options;
    private readonly IReconciler _reconciler;
    private readonly ILogger _logger;
    private readonly ControllerMetrics _metrics;
    private readonly TimeProvider _time;

    /// <summary>Creates a controller.</summary>
    /// <param name="options">Name, concurrency and timeout; validated here.</param>
    /// <param name="reconciler">The domain logic.</param>
    /// <param name="queue">The queue of keys, shared with the event handlers that fill it.</param>
    /// <param name="logger">Where reconcile failures are logged.</param>
    /// <param name="registry">The metrics registry; the default registry when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    public Controller(ControllerOptions options, IReconciler reconciler, IPriorityWorkQueue<ReconcileRequest> queue, ILogger logger,
        CollectorRegistry? registry = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new ControllerOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ControllerOptions), validation.Failures);
        }

        _options = options;
        _reconciler = reconciler ?? throw new ArgumentNullException(nameof(reconciler));
        Queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _metrics = new ControllerMetrics(registry ?? Prometheus.Metrics.DefaultRegistry);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The controller's name.</summary>
    public string Name => _options.Name;

    /// <summary>The queue of keys to reconcile.</summary>
    public IPriorityWorkQueue<ReconcileRequest> Queue { get; }

    /// <summary>Runs the workers until <paramref name="stopping"/>, then drains and returns.</summary>
    /// <param name="stopping">Signals shutdown.</param>
    /// <returns>A task that completes when every worker has finished.</returns>
    public async Task RunAsync(CancellationToken stopping)
    {
        _metrics.SetMaxConcurrent(Name, _options.MaxConcurrentReconciles);
        ControllerLog.Starting(_logger, _options.MaxConcurrentReconciles);
        var workers = Enumerable.Range(0, _options.MaxConcurrentReconciles).Select(_ => Task.Run(WorkAsync, CancellationToken.None)).ToList();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping: drain below.
        }

        await Queue.ShutDownWithDrainAsync(CancellationToken.None);
        await Task.WhenAll(workers);
        ControllerLog.Stopped(_logger);
    }

    private async Task WorkAsync()
    {
        while (true)
        {
            var (request, shutdown) = await Queue.GetAsync(CancellationToken.None);
            if (shutdown)
            {
                return;
            }

            try
            {
                await ReconcileOneAsync(request);
            }
            finally
            {
                Queue.Done(request);
            }
        }
    }

    private async Task ReconcileOneAsync(ReconcileRequest request)
    {
        var reconcileId = Guid.NewGuid().ToString();
        using var scope = _logger.BeginScope(new ReconcileLogScope(Name, request, reconcileId));
        using var activity = ControllerTelemetry.Source.StartActivity("reconcile " + Name, ActivityKind.Internal);
        activity?.SetTag("controller", Name);
        activity?.SetTag("k8s.namespace.name", request.Namespace);
        activity?.SetTag("k8s.object.name", request.Name);
        activity?.SetTag("namespace", request.Namespace);
        activity?.SetTag("name", request.Name);
        activity?.SetTag("reconcileID", reconcileId);

        using var timeout = _options.ReconcileTimeout is { } limit ? new CancellationTokenSource(limit, _time) : new CancellationTokenSource();
        var started = _time.GetTimestamp();
        _metrics.ActiveWorkers(Name, 1);
        ReconcileResult? result = null;
        Exception? failure = null;
        try
        {
            result = await _reconciler.ReconcileAsync(request, timeout.Token);
        }
        catch (Exception e)
        {
            failure = e;
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
        }
        finally
        {
            _metrics.ActiveWorkers(Name, -1);
        }

        var outcome = Settle(request, result, failure);
        activity?.SetTag("result", outcome);
        var elapsed = _time.GetElapsedTime(started);
        _metrics.Observe(Name, outcome, elapsed);
        ControllerLog.Reconciled(_logger, elapsed.TotalMilliseconds, outcome);
    }

    /// <summary>Maps a reconcile's outcome to the queue: the one place that does so.</summary>
    private string Settle(ReconcileRequest request, ReconcileResult? result, Exception? failure)
    {
        switch (failure)
        {
            case TerminalReconcileException terminal:
                Queue.Forget(request);
                _metrics.Terminal(Name);
                ControllerLog.Terminal(_logger, terminal);
                return ReconcileOutcome.Error;
            case not null:
                Queue.AddRateLimited(request);
                ControllerLog.Failed(_logger, failure);
                return ReconcileOutcome.Error;
        }

        var value = result!.Value;
        if (value.RequeueAfter > TimeSpan.Zero)
        {
            Queue.Forget(request);
            Queue.AddAfter(request, value.RequeueAfter);
            return ReconcileOutcome.RequeueAfter;
        }

        if (value.RequeueWithBackoff)
        {
            Queue.AddRateLimited(request);
            return ReconcileOutcome.Requeue;
        }

        Queue.Forget(request);
        return ReconcileOutcome.Success;
    }
}
