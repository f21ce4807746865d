namespace Operators.Charts.Tests.Infrastructure;

/// <summary>The outcome of one helm invocation.</summary>
internal sealed record HelmResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Gets a value indicating whether helm exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Gets everything helm printed, for failure messages.</summary>
    public string Output => $"$ {Command}\n(exit {ExitCode})\n{StandardOutput}\n{StandardError}";
}
