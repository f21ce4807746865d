namespace Operators.Testing;

/// <summary>How a <see cref="RunningSystem"/> is built; the defaults are what the end-to-end tests use.</summary>
internal sealed record RunningSystemOptions
{
    /// <summary>The defaults: one replica of each operator, its default flags, no relays.</summary>
    public static readonly RunningSystemOptions Default = new();

    /// <summary>Gets how many replicas of each operator run (leader election decides which one works).</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Gets more flags for every operator process, e.g. short leader-election timings.</summary>
    public IReadOnlyList<string> OperatorArguments { get; init; } = [];

    /// <summary>Gets a value indicating whether every operator replica reaches the API server through its own <see cref="TcpRelay"/> (to partition one of them).</summary>
    public bool RelayOperators { get; init; }

    /// <summary>Gets a value indicating whether the notifiers reach the receiver through a <see cref="TcpRelay"/> (<see cref="RunningSystem.ReceiverRelay"/>), to take it down or slow it.</summary>
    public bool RelayReceiver { get; init; }
}
