using k8s.Models;

namespace Operators.Runtime.LeaderElection;

/// <summary>
/// The pure decisions of leader election over a Lease: whether another holder's term is still
/// running, and the spec to write to acquire, renew or release it. Expiry is judged by the
/// local time at which a candidate last saw the Lease change, never by the holder's clock.
/// </summary>
internal static class LeaseRules
{
    /// <summary>The <c>leaseDurationSeconds</c> written on release, so that a slow reader also sees a short term.</summary>
    public const int ReleasedLeaseDurationSeconds = 1;

    /// <summary>Whole seconds for <c>leaseDurationSeconds</c>, rounded up.</summary>
    public static int ToSeconds(TimeSpan duration) => (int)Math.Ceiling(duration.TotalSeconds);

    /// <summary>
    /// True when <paramref name="spec"/> names a holder other than <paramref name="identity"/>
    /// whose term, counted from <paramref name="observedAt"/>, has not ended at <paramref name="now"/>.
    /// </summary>
    public static bool IsHeldByOther(V1LeaseSpec? spec, string identity, DateTimeOffset observedAt, DateTimeOffset now)
    {
        if (spec is null || string.IsNullOrEmpty(spec.HolderIdentity) || spec.HolderIdentity == identity)
        {
            return false;
        }

        return observedAt + TimeSpan.FromSeconds(spec.LeaseDurationSeconds ?? 0) > now;
    }

    /// <summary>
    /// The spec that makes <paramref name="identity"/> the holder at <paramref name="now"/>: a
    /// renewal keeps <c>acquireTime</c> and <c>leaseTransitions</c>; a takeover sets
    /// <c>acquireTime</c> and counts one more transition.
    /// </summary>
    public static V1LeaseSpec Acquired(V1LeaseSpec? current, string identity, TimeSpan leaseDuration, DateTimeOffset now)
    {
        var time = now.UtcDateTime;
        var renewal = current is not null && current.HolderIdentity == identity;
        return new V1LeaseSpec
        {
            HolderIdentity = identity,
            LeaseDurationSeconds = ToSeconds(leaseDuration),
            AcquireTime = renewal ? current!.AcquireTime ?? time : time,
            RenewTime = time,
            LeaseTransitions = current is null ? 0 : renewal ? current.LeaseTransitions ?? 0 : (current.LeaseTransitions ?? 0) + 1,
        };
    }

    /// <summary>The spec that gives the Lease up at <paramref name="now"/>: no holder, a one-second term, transitions kept.</summary>
    public static V1LeaseSpec Released(V1LeaseSpec? current, DateTimeOffset now) => new()
    {
        HolderIdentity = null,
        LeaseDurationSeconds = ReleasedLeaseDurationSeconds,
        AcquireTime = now.UtcDateTime,
        RenewTime = now.UtcDateTime,
        LeaseTransitions = current?.LeaseTransitions ?? 0,
    };
}
