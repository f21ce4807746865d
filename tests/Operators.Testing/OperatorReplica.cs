using Operators.LocalRun;

namespace Operators.Testing;

/// <summary>One running operator process of a <see cref="RunningSystem"/>.</summary>
/// <param name="Program">The operator.</param>
/// <param name="Number">The replica number, from 1.</param>
/// <param name="Process">The process.</param>
/// <param name="Relay">Its way to the API server, when the system relays operators; null otherwise.</param>
/// <param name="Identity">Its leader-election identity (the Lease's <c>holderIdentity</c> while it leads), from its log.</param>
internal sealed record OperatorReplica(OperatorProgram Program, int Number, ChildProcess Process, TcpRelay? Relay, string Identity)
{
    /// <summary>The start of the log line that names the identity.</summary>
    public const string AcquiringLine = "Attempting to acquire leader lease ";

    /// <summary>Gets a name for messages, e.g. <c>building-block #2 (pid 123)</c>.</summary>
    public string Describe() => $"{Program.Name} #{Number} (pid {Process.Pid})";

    /// <summary>The identity in an <see cref="AcquiringLine"/> log line.</summary>
    public static string IdentityIn(string line) => line[(line.LastIndexOf(" as ", StringComparison.Ordinal) + 4)..].Trim();
}
