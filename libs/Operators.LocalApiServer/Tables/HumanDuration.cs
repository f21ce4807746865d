using System.Globalization;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// Kubernetes' <c>duration.HumanDuration</c>: an age with two or three significant figures, as in
/// <c>5s</c>, <c>3m2s</c>, <c>4h</c>, <c>2d3h</c>, <c>400d</c>, <c>3y10d</c>. Up to a second in the
/// future counts as <c>0s</c> (clock skew); further is <c>&lt;invalid&gt;</c>.
/// </summary>
internal static class HumanDuration
{
    private const long HoursPerYear = 24 * 365;

    /// <summary>The human form of <paramref name="duration"/>.</summary>
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return Unit(seconds, "s");
        }

        var minutes = duration.Ticks / TimeSpan.TicksPerMinute;
        if (minutes < 10)
        {
            return WithRest(minutes, "m", seconds % 60, "s");
        }

        if (minutes < 180)
        {
            return Unit(minutes, "m");
        }

        var hours = duration.Ticks / TimeSpan.TicksPerHour;
        if (hours < 8)
        {
            return WithRest(hours, "h", minutes % 60, "m");
        }

        if (hours < 48)
        {
            return Unit(hours, "h");
        }

        if (hours < 24 * 8)
        {
            return WithRest(hours / 24, "d", hours % 24, "h");
        }

        if (hours < HoursPerYear * 2)
        {
            return Unit(hours / 24, "d");
        }

        if (hours < HoursPerYear * 8)
        {
            return WithRest(hours / HoursPerYear, "y", hours / 24 % 365, "d");
        }

        return Unit(hours / HoursPerYear, "y");
    }

    private static string WithRest(long major, string majorUnit, long rest, string restUnit) =>
        rest == 0 ? Unit(major, majorUnit) : Unit(major, majorUnit) + Unit(rest, restUnit);

    private static string Unit(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + unit;
}
