using System.Globalization;

namespace Operators.Benchmarks.Measuring;

/// <summary>Formats measured figures the same way in every section.</summary>
internal static class Figures
{
    public static string Duration(double nanoseconds) => nanoseconds switch
    {
        < 1_000 => Invariant($"{nanoseconds:0.#} ns"),
        < 1_000_000 => Invariant($"{nanoseconds / 1_000:0.##} µs"),
        < 1_000_000_000 => Invariant($"{nanoseconds / 1_000_000:F2} ms"),
        _ => Invariant($"{nanoseconds / 1_000_000_000:F2} s"),
    };

    public static string Duration(TimeSpan duration) => Duration(duration.Ticks * 100.0);

    public static string Bytes(double bytes) => Math.Abs(bytes) switch
    {
        < 1024 => Invariant($"{bytes:F0} B"),
        < 1024 * 1024 => Invariant($"{bytes / 1024:F2} KiB"),
        < 1024L * 1024 * 1024 => Invariant($"{bytes / (1024 * 1024):F1} MiB"),
        _ => Invariant($"{bytes / (1024.0 * 1024 * 1024):F2} GiB"),
    };

    public static string Rate(double perSecond, string unit) => perSecond switch
    {
        >= 1_000_000 => Invariant($"{perSecond / 1_000_000:F2} M {unit}/s"),
        >= 10_000 => Invariant($"{perSecond / 1_000:F1} k {unit}/s"),
        _ => Invariant($"{perSecond:F0} {unit}/s"),
    };

    public static string Ratio(double ratio) => Invariant($"{ratio:F2}×");

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
