namespace Operators.Soak;

/// <summary>The least-squares slope of a process's resident memory after the warm-up.</summary>
/// <param name="Process">The process name.</param>
/// <param name="SlopeMiBPerHour">The slope, in MiB per hour; null with fewer than three samples after warm-up.</param>
/// <param name="Samples">How many samples the fit used.</param>
/// <param name="FirstMiB">The first sample after warm-up.</param>
/// <param name="LastMiB">The last sample.</param>
/// <param name="MaxMiB">The largest sample of the whole run.</param>
internal sealed record MemorySlope(string Process, double? SlopeMiBPerHour, int Samples, double? FirstMiB, double? LastMiB, double? MaxMiB)
{
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
            return new MemorySlope(p, LeastSquares(points), points.Count,
                points.Count > 0 ? points[0].MiB : null, points.Count > 0 ? points[^1].MiB : null, all.Count > 0 ? all.Max() : null);
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
