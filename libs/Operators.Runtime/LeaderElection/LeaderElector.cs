using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Operators.Runtime.LeaderElection;

/// <summary>
/// Leader election on a <c>coordination.k8s.io/v1</c> Lease, with client-go's behaviour:
/// <list type="number">
/// <item>Standing by, the candidate tries every <see cref="LeaderElectionOptions.RetryPeriod"/>
/// (jittered) to create the Lease or take over one whose holder is empty or whose term has run
/// out; writes are conditional on the Lease's <c>resourceVersion</c>, so one candidate wins.</item>
/// <item>Leading, it starts <see cref="LeaderElectionCallbacks.OnStartedLeading"/> and renews every
/// retry period. When renewals have failed for <see cref="LeaderElectionOptions.RenewDeadline"/>
/// since the last success, or another holder is seen, leadership is lost.</item>
/// <item>Stopped through its token while leading, it cancels the leading work, waits for it,
/// and clears the Lease's holder so a standby takes over at once.</item>
/// </list>
/// <see cref="RunAsync"/> runs one term: it returns when the token is cancelled or leadership is
/// lost. A process that lost leadership should stop its controllers and exit.
/// </summary>
/// <remarks>
/// Like client-go's, this election does not fence: between a leader's last renewal and the
/// moment it notices failure, and a standby's takeover, clocks running at different rates can
/// let two processes act briefly. Keep <c>RenewDeadline</c> well below <c>LeaseDuration</c>.
/// </remarks>
public sealed partial class LeaderElector
{
    private const double JitterFactor = 1.2;

    private readonly ICoordinationV1Operations _leases;
    private readonly LeaderElectionOptions _options;
    private readonly LeaderElectionCallbacks _callbacks;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly LeaderElectionMetrics _metrics;
    private readonly Lock _gate = new();
    private V1Lease? _observed;
    private DateTimeOffset _observedAt;
    private string? _reportedLeader;
    private volatile bool _isLeader;
    private int _started;

    /// <summary>Initializes a new instance of the <see cref="LeaderElector"/> class.</summary>
    /// <param name="client">The client whose <c>CoordinationV1</c> API reads and writes the Lease.</param>
    /// <param name="options">The Lease, identity and timings; validated here.</param>
    /// <param name="callbacks">What to call as leadership changes; null for none.</param>
    /// <param name="logger">The logger; null for none.</param>
    /// <param name="timeProvider">The clock; null for <see cref="TimeProvider.System"/>.</param>
    /// <param name="registry">The registry of <c>leader_election_master_status</c>; null for prometheus-net's default.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public LeaderElector(
        IKubernetes client,
        LeaderElectionOptions options,
        LeaderElectionCallbacks? callbacks = null,
        ILogger<LeaderElector>? logger = null,
        TimeProvider? timeProvider = null,
        CollectorRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var result = new LeaderElectionOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(
                Microsoft.Extensions.Options.Options.DefaultName, typeof(LeaderElectionOptions), result.Failures);
        }

        _leases = client.CoordinationV1;
        _options = options;
        _callbacks = callbacks ?? new LeaderElectionCallbacks();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = new LeaderElectionMetrics(registry ?? Metrics.DefaultRegistry, options.LeaseName);
    }

    /// <summary>Gets this candidate's identity.</summary>
    public string Identity => _options.Identity;

    /// <summary>Gets a value indicating whether this candidate leads now.</summary>
    public bool IsLeader => _isLeader;

    /// <summary>Gets the holder last seen on the Lease (possibly this candidate), or null before any was seen.</summary>
    public string? CurrentLeader
    {
        get
        {
            lock (_gate)
            {
                return _observed?.Spec?.HolderIdentity is { Length: > 0 } holder ? holder : null;
            }
        }
    }

    /// <summary>
    /// Stands by until the Lease is acquired, then leads until <paramref name="cancellationToken"/> is
    /// cancelled (the Lease is then released) or leadership is lost. Runs once per elector.
    /// </summary>
    /// <param name="cancellationToken">Stops the election gracefully.</param>
    /// <returns>A task that completes when the term is over; it does not throw on cancellation.</returns>
    /// <exception cref="InvalidOperationException">The elector has already been run.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("A leader elector runs one term; create a new one to stand again.");
        }

        _metrics.Set(false);
        LeaderElectionLog.Acquiring(_logger, _options.LeaseNamespace, _options.LeaseName, Identity);
        if (!await AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        _isLeader = true;
        _metrics.Set(true);
        LeaderElectionLog.Acquired(_logger, _options.LeaseNamespace, _options.LeaseName, Identity);
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = StartLeadingWork(leading.Token);
        var lost = false;
        try
        {
            lost = await RenewUntilLostAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _isLeader = false;
            _metrics.Set(false);
            await leading.CancelAsync().ConfigureAwait(false);
            await work.ConfigureAwait(false);
            if (!lost && _options.ReleaseOnCancel)
            {
                await ReleaseAsync().ConfigureAwait(false);
            }

            LeaderElectionLog.StoppedLeading(_logger, _options.LeaseNamespace, _options.LeaseName);
            Invoke(nameof(LeaderElectionCallbacks.OnStoppedLeading), () => _callbacks.OnStoppedLeading?.Invoke());
        }
    }

    // Tries until the Lease is ours (true) or the token is cancelled (false).
    private async Task<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var outcome = await TryAcquireOrRenewAsync(_options.RenewDeadline, cancellationToken).ConfigureAwait(false);
            ReportLeader();
            if (outcome == AttemptOutcome.Succeeded)
            {
                return true;
            }

            var jittered = _options.RetryPeriod + (_options.RetryPeriod * (Random.Shared.NextDouble() * JitterFactor));
            if (!await DelayAsync(jittered, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return false;
    }

    // Renews every retry period; true when leadership was lost, false when the token was cancelled.
    private async Task<bool> RenewUntilLostAsync(CancellationToken cancellationToken)
    {
        var lastRenewal = _time.GetUtcNow();
        while (await DelayAsync(_options.RetryPeriod, cancellationToken).ConfigureAwait(false))
        {
            var started = _time.GetUtcNow();
            var remaining = lastRenewal + _options.RenewDeadline - started;
            if (remaining <= TimeSpan.Zero)
            {
                return Lose("renew deadline passed");
            }

            var outcome = await TryAcquireOrRenewAsync(remaining, cancellationToken).ConfigureAwait(false);
            ReportLeader();
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            switch (outcome)
            {
                case AttemptOutcome.Succeeded:
                    lastRenewal = started;
                    break;
                case AttemptOutcome.HeldByOther:
                    return Lose("the lease is held by " + (CurrentLeader ?? "another candidate"));
                default:
                    if (_time.GetUtcNow() - lastRenewal >= _options.RenewDeadline)
                    {
                        return Lose("renewals failed for the renew deadline");
                    }

                    break;
            }
        }

        return false;
    }

    private bool Lose(string reason)
    {
        LeaderElectionLog.Lost(_logger, _options.LeaseNamespace, _options.LeaseName, reason);
        return true;
    }

    private Task StartLeadingWork(CancellationToken leading)
    {
        if (_callbacks.OnStartedLeading is not { } onStarted)
        {
            return Task.CompletedTask;
        }

        return Task.Run(
            async () =>
            {
                try
                {
                    await onStarted(leading).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (leading.IsCancellationRequested)
                {
                    // The leading work was asked to stop.
                }
#pragma warning disable CA1031 // A failing callback must not take the elector down.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LeaderElectionLog.CallbackFailed(_logger, ex, nameof(LeaderElectionCallbacks.OnStartedLeading));
                }
            },
            CancellationToken.None);
    }

    private void ReportLeader()
    {
        var leader = CurrentLeader;
        if (leader is null || leader == _reportedLeader)
        {
            return;
        }

        _reportedLeader = leader;
        LeaderElectionLog.NewLeader(_logger, _options.LeaseNamespace, _options.LeaseName, leader);
        Invoke(nameof(LeaderElectionCallbacks.OnNewLeader), () => _callbacks.OnNewLeader?.Invoke(leader));
    }

    private void Invoke(string name, Action callback)
    {
        try
        {
            callback();
        }
#pragma warning disable CA1031 // A failing callback must not take the elector down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LeaderElectionLog.CallbackFailed(_logger, ex, name);
        }
    }

    // False when the token was cancelled during the delay.
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
