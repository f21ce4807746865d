namespace Operators.Benchmarks.Measuring;

/// <summary>Nearest-rank percentiles of a set of durations.</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    /// <summary>Takes durations in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public Percentiles(IEnumerable<long> stopwatchTicks)
    {
        _sorted = [.. stopwatchTicks.Select(t => t * 1e9 / System.Diagnostics.Stopwatch.Frequency).Order()];
    }

    public int Count => _sorted.Length;

    /// <summary>The value at <paramref name="percent"/> (0–100), in nanoseconds; NaN when empty.</summary>
    public double At(double percent)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    /// <summary>"p50 1.2 ms · p90 … · p99 … · max …" from nanoseconds.</summary>
    public static string Describe(double p50, double p90, double p99, double max) =>
        $"p50 {Figures.Duration(p50)} · p90 {Figures.Duration(p90)} · p99 {Figures.Duration(p99)} · max {Figures.Duration(max)}";
}
