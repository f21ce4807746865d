namespace Operators.Soak;

/// <summary>Everything a soak run measured and checked.</summary>
internal sealed class SoakResult
{
    /// <summary>Gets the options of the run.</summary>
    public required SoakOptions Options { get; init; }

    /// <summary>Gets the seed of the random changes and faults.</summary>
    public required int Seed { get; init; }

    /// <summary>Gets the samples, in time order.</summary>
    public required IReadOnlyList<Sample> Samples { get; init; }

    /// <summary>Gets how many changes of each kind were applied.</summary>
    public required IReadOnlyDictionary<string, int> Changes { get; init; }

    /// <summary>Gets how many faults of each kind were injected, and for how long in total.</summary>
    public required IReadOnlyDictionary<string, (int Count, TimeSpan Held)> Faults { get; init; }

    /// <summary>Gets how long the system took to converge after the heal; null when it did not within the timeout.</summary>
    public required TimeSpan? ConvergedAfter { get; init; }

    /// <summary>Gets what was still not converged at the timeout (empty when converged).</summary>
    public required IReadOnlyList<string> ConvergenceProblems { get; init; }

    /// <summary>Gets the notification check.</summary>
    public required NotificationSummary Notifications { get; init; }

    /// <summary>Gets the processes that exited during the run.</summary>
    public required IReadOnlyList<ProcessDeath> Deaths { get; init; }

    /// <summary>Gets the memory slope of every process after warm-up.</summary>
    public required IReadOnlyList<MemorySlope> Slopes { get; init; }

    /// <summary>Gets every failed invariant, one line each; empty when the run passed.</summary>
    public IReadOnlyList<string> Failures =>
    [
        .. ConvergedAfter is null ? ConvergenceProblems.Select(p => "not converged: " + p) : [],
        .. Notifications.Violations.Select(v => "notifications: " + v),
        .. Deaths.Select(d => $"process died: {d.Process} (code {d.ExitCode}) at {d.Elapsed:mm\\:ss}: {d.LastLine}"),
        .. Slopes.Where(s => s.SustainedMiBPerHour > Options.MaxSlopeMiBPerHour)
            .Select(s => $"memory of {s.Process} grows {s.SustainedMiBPerHour:0.#} MiB/h through both halves of the window after warm-up (limit {Options.MaxSlopeMiBPerHour:0.#})"),
        .. Slopes.Where(s => s.SlopeMiBPerHour is null).Select(s => $"memory of {s.Process}: too few samples after warm-up for a slope"),
    ];

    /// <summary>Gets a value indicating whether every invariant held.</summary>
    public bool Passed => Failures.Count == 0;
}
