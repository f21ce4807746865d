namespace Operators.Soak;

/// <summary>A child process that exited during the run.</summary>
/// <param name="Process">Its name.</param>
/// <param name="Elapsed">When, since the start of the changes.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="LastLine">Its last output line.</param>
internal sealed record ProcessDeath(string Process, TimeSpan Elapsed, int ExitCode, string LastLine);
