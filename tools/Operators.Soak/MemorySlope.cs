namespace Operators.Soak;

/// <summary>
/// How a process's resident memory grows after the warm-up: the least-squares slope of the whole window and of
/// each half of it. A leak keeps growing through both halves; a single step (a buffer pool or a GC budget that
/// grew once, measured at 9 MiB for the API server under a loaded CI machine) shows in one half only, so the
/// check uses <see cref="SustainedMiBPerHour"/>, the smaller of the two halves' slopes.
/// </summary>
/// <param name="Process">The process name.</param>
/// <param name="SlopeMiBPerHour">The slope of the whole window, in MiB per hour; null with fewer than three samples after warm-up.</param>
/// <param name="Samples">How many samples the fit used.</param>
/// <param name="FirstMiB">The first sample after warm-up.</param>
/// <param name="LastMiB">The last sample.</param>
/// <param name="MaxMiB">The largest sample of the whole run.</param>
/// <param name="FirstHalfMiBPerHour">The slope of the first half of the window; null with fewer than three samples in it.</param>
/// <param name="SecondHalfMiBPerHour">The slope of the second half of the window; null with fewer than three samples in it.</param>
internal sealed record MemorySlope(
    string Process,
    double? SlopeMiBPerHour,
    int Samples,
    double? FirstMiB,
    double? LastMiB,
    double? MaxMiB,
    double? FirstHalfMiBPerHour = null,
    double? SecondHalfMiBPerHour = null)
{
    /// <summary>Gets the growth that lasts through the whole window: the smaller half's slope, or the whole window's when a half is too short to fit.</summary>
    public double? SustainedMiBPerHour =>
        FirstHalfMiBPerHour is { } first && SecondHalfMiBPerHour is { } second ? Math.Min(first, second) : SlopeMiBPerHour;

    /// <summary>Fits the samples of every process.</summary>
    /// <param name="samples">The samples, in time order.</param>
    /// <param name="warmup">The time excluded at the start.</param>
    /// <returns>One slope per process, in the order the processes appear.</returns>
    public static IReadOnlyList<MemorySlope> Fit(IReadOnlyList<Sample> samples, TimeSpan warmup)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var processes = samples.SelectMany(s => s.RssMiB.Keys).Distinct(StringComparer.Ordinal).ToList();
        return [.. processes.Select(p =>
        {
            var points = samples.Where(s => s.Elapsed >= warmup && s.RssMiB.GetValueOrDefault(p) is not null)
                .Select(s => (Hours: s.Elapsed.TotalHours, MiB: s.RssMiB[p]!.Value)).ToList();
            var all = samples.Select(s => s.RssMiB.GetValueOrDefault(p)).OfType<double>().ToList();
            var middle = points.Count > 0 ? (points[0].Hours + points[^1].Hours) / 2 : 0;
            return new MemorySlope(p, LeastSquares(points), points.Count,
                points.Count > 0 ? points[0].MiB : null, points.Count > 0 ? points[^1].MiB : null, all.Count > 0 ? all.Max() : null,
                LeastSquares([.. points.Where(q => q.Hours <= middle)]), LeastSquares([.. points.Where(q => q.Hours >= middle)]));
        })];
    }

    /// <summary>The slope of the least-squares line through the points.</summary>
    /// <param name="points">(x, y) pairs.</param>
    /// <returns>dy/dx, or null with fewer than three points or no spread in x.</returns>
    public static double? LeastSquares(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 3)
        {
            return null;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        return sxx <= 0 ? null : sxy / sxx;
    }
}
