using System.Globalization;

namespace Operators.Soak;

/// <summary>Reads counters from the Prometheus text exposition format.</summary>
internal static class PrometheusText
{
    /// <summary>The sum of every series of a metric (all label values).</summary>
    /// <param name="text">The scraped text.</param>
    /// <param name="metric">The metric name, e.g. <c>controller_runtime_reconcile_total</c>.</param>
    /// <returns>The sum; 0 when the metric is absent.</returns>
    public static double Sum(string text, string metric)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sum = 0.0;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || line.Length <= metric.Length || line[metric.Length] is not ('{' or ' '))
            {
                continue;
            }

            var value = line[(line.LastIndexOf('}') is var brace and >= 0 ? brace + 1 : metric.Length)..].Trim().Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                sum += number;
            }
        }

        return sum;
    }
}
