namespace Operators.LocalApiServer.Tests.Kubectl;

/// <summary>What one kubectl run printed and how it ended.</summary>
internal sealed record KubectlResult(string CommandLine, int ExitCode, string StdOut, string StdErr)
{
    /// <summary>True when kubectl exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Everything about the run, for assertion messages.</summary>
    public override string ToString() =>
        $"{CommandLine}\nexit code: {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}
