using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Operators.Runtime.Client;

namespace Operators.Runtime.LeaderElection;

/// <content>One attempt to acquire or renew the Lease, and its release.</content>
public sealed partial class LeaderElector
{
    private enum AttemptOutcome
    {
        Succeeded,
        Failed,
        HeldByOther,
    }

    // One attempt, bounded by timeout: the leader first writes over the Lease it last saw (one
    // request); otherwise read, create when missing, respect a running term, then write.
    private async Task<AttemptOutcome> TryAcquireOrRenewAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked.Token;
        var now = _time.GetUtcNow();
        try
        {
            if (_isLeader && Observed() is { } known && !LeaseRules.IsHeldByOther(known.Spec, Identity, _observedAt, now))
            {
                try
                {
                    await ReplaceAsync(known, LeaseRules.Acquired(known.Spec, Identity, _options.LeaseDuration, now), now, token).ConfigureAwait(false);
                    return AttemptOutcome.Succeeded;
                }
                catch (HttpOperationException ex)
                {
                    LeaderElectionLog.RequestFailed(_logger, ex, _options.LeaseNamespace, _options.LeaseName);
                }
            }

            var current = await ReadAsync(token).ConfigureAwait(false);
            if (current is null)
            {
                var created = await _leases.CreateNamespacedLeaseAsync(
                    NewLease(null, LeaseRules.Acquired(null, Identity, _options.LeaseDuration, now)),
                    _options.LeaseNamespace,
                    cancellationToken: token).ConfigureAwait(false);
                Observe(created, now);
                return AttemptOutcome.Succeeded;
            }

            Observe(current, now);
            if (LeaseRules.IsHeldByOther(current.Spec, Identity, _observedAt, now))
            {
                return AttemptOutcome.HeldByOther;
            }

            await ReplaceAsync(current, LeaseRules.Acquired(current.Spec, Identity, _options.LeaseDuration, now), now, token).ConfigureAwait(false);
            return AttemptOutcome.Succeeded;
        }
        catch (Exception ex) when (ex is HttpOperationException or OperationCanceledException || RetryClassifier.IsTransportError(ex))
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                LeaderElectionLog.RequestFailed(_logger, ex, _options.LeaseNamespace, _options.LeaseName);
            }

            return AttemptOutcome.Failed;
        }
    }

    // Clears the holder of the Lease this candidate last wrote, with a fresh renew-deadline budget.
    private async Task ReleaseAsync()
    {
        if (Observed() is not { } known || known.Spec?.HolderIdentity != Identity)
        {
            return;
        }

        using var deadline = new CancellationTokenSource(_options.RenewDeadline, _time);
        try
        {
            var now = _time.GetUtcNow();
            await ReplaceAsync(known, LeaseRules.Released(known.Spec, now), now, deadline.Token).ConfigureAwait(false);
            LeaderElectionLog.Released(_logger, _options.LeaseNamespace, _options.LeaseName);
        }
        catch (Exception ex) when (ex is HttpOperationException or OperationCanceledException || RetryClassifier.IsTransportError(ex))
        {
            LeaderElectionLog.ReleaseFailed(_logger, ex, _options.LeaseNamespace, _options.LeaseName);
        }
    }

    private async Task<V1Lease?> ReadAsync(CancellationToken token)
    {
        try
        {
            return await _leases.ReadNamespacedLeaseAsync(_options.LeaseName, _options.LeaseNamespace, cancellationToken: token).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    // Writes spec over the Lease as last read (same resourceVersion, labels and annotations kept).
    private async Task ReplaceAsync(V1Lease basis, V1LeaseSpec spec, DateTimeOffset now, CancellationToken token)
    {
        var written = await _leases.ReplaceNamespacedLeaseAsync(
            NewLease(basis.Metadata, spec), _options.LeaseName, _options.LeaseNamespace, cancellationToken: token).ConfigureAwait(false);
        Observe(written, now);
    }

    private V1Lease NewLease(V1ObjectMeta? basis, V1LeaseSpec spec) => new()
    {
        ApiVersion = "coordination.k8s.io/v1",
        Kind = "Lease",
        Metadata = new V1ObjectMeta
        {
            Name = _options.LeaseName,
            NamespaceProperty = _options.LeaseNamespace,
            ResourceVersion = basis?.ResourceVersion,
            Labels = basis?.Labels,
            Annotations = basis?.Annotations,
        },
        Spec = spec,
    };

    private V1Lease? Observed()
    {
        lock (_gate)
        {
            return _observed;
        }
    }

    // Remembers the Lease and, when it changed since last seen, the local time of the change.
    private void Observe(V1Lease lease, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_observed?.Metadata?.ResourceVersion != lease.Metadata?.ResourceVersion || _observed is null)
            {
                _observedAt = now;
            }

            _observed = lease;
        }
    }
}
