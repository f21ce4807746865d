namespace Operators.Benchmarks.Measuring;

/// <summary>This process's garbage collections over a span: how many of each generation, and how long the runtime was paused for them.</summary>
/// <param name="Gen0">Gen0 collections (a gen1 or gen2 collection counts in the lower generations too, as the runtime counts them).</param>
/// <param name="Gen1">Gen1 collections.</param>
/// <param name="Gen2">Gen2 collections.</param>
/// <param name="Paused">Total time the runtime was paused for collections.</param>
internal sealed record CollectionsDuring(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    /// <summary>The counters now; <see cref="Started.Stop"/> gives the difference.</summary>
    public static Started Start() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    /// <summary>"41 collections (gen0 41, gen1 3, gen2 0), 62 ms paused (1.5 ms each on average)".</summary>
    public string Describe() =>
        Figures.Invariant($"{Gen0} collections (gen1 {Gen1}, gen2 {Gen2}), {Paused.TotalMilliseconds:F0} ms paused")
        + (Gen0 > 0 ? Figures.Invariant($" ({Paused.TotalMilliseconds / Gen0:F1} ms each on average)") : "");

    /// <summary>The counters at the start of a span.</summary>
    internal sealed record Started(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
    {
        /// <summary>The collections since <see cref="Start"/>.</summary>
        public CollectionsDuring Stop() => new(
            GC.CollectionCount(0) - Gen0, GC.CollectionCount(1) - Gen1, GC.CollectionCount(2) - Gen2, GC.GetTotalPauseDuration() - Paused);
    }
}
