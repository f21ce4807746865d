namespace Operators.LocalRun;

/// <summary>What to start as a supervised child process.</summary>
/// <param name="Name">The log prefix and display name, e.g. <c>api</c> or <c>building-block</c>.</param>
/// <param name="FileName">The program, e.g. the path of <c>dotnet</c>.</param>
/// <param name="Arguments">Its arguments.</param>
internal sealed record ChildSpec(string Name, string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Gets the stop wave: children of a lower wave are stopped (in parallel) before those of a higher one.</summary>
    /// <value>The default value is 0; the API server uses 1 so that the operators can release their Leases on the way out.</value>
    public int StopWave { get; init; }

    /// <summary>Gets environment variables to set for the child (secrets go here, not on the command line).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets a test for lines that are only logged, not shown in the terminal (e.g. hints that repeat the launcher's own); null shows all.</summary>
    public Func<string, bool>? LogOnly { get; init; }

    /// <summary>Gets the working directory; null for the current one.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Gets a text that identifies the process in <c>/proc/&lt;pid&gt;/cmdline</c> (its dll), so a leftover of an earlier run can be recognised.</summary>
    public string Marker => Arguments.Count > 0 ? Arguments[0] : FileName;
}
