namespace Operators.Runtime.LeaderElection;

/// <summary>
/// What a <see cref="LeaderElector"/> calls as leadership changes. Every callback is optional;
/// an exception thrown by one is logged and does not stop the elector.
/// </summary>
public sealed class LeaderElectionCallbacks
{
    /// <summary>
    /// Gets the work to run while leading, started once the Lease is acquired. Its token is
    /// cancelled when leadership ends (lost, or the elector stopped); the elector waits for the
    /// returned task before it releases the Lease, so work must honour the token promptly.
    /// </summary>
    public Func<CancellationToken, Task>? OnStartedLeading { get; init; }

    /// <summary>Gets the callback run once leadership has ended and the leading work has finished.</summary>
    public Action? OnStoppedLeading { get; init; }

    /// <summary>Gets the callback run when a different holder (possibly this one) is observed on the Lease; must not block.</summary>
    public Action<string>? OnNewLeader { get; init; }
}
