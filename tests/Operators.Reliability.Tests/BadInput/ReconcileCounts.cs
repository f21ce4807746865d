using System.Globalization;
using System.Text.RegularExpressions;

namespace Operators.Reliability.Tests.BadInput;

/// <summary>An operator's <c>controller_runtime_reconcile_total</c>, summed over its controllers, by result.</summary>
/// <param name="ByResult">Reconciles by <c>result</c> label (success, error, requeue, requeue_after).</param>
internal sealed partial record ReconcileCounts(IReadOnlyDictionary<string, double> ByResult)
{
    /// <summary>Gets every reconcile, whatever its result.</summary>
    public double Total => ByResult.Values.Sum();

    /// <summary>Gets the reconciles that failed.</summary>
    public double Errors => ByResult.GetValueOrDefault("error");

    /// <summary>Reads the counters from an operator's <c>/metrics</c>.</summary>
    /// <param name="http">The client.</param>
    /// <param name="metrics">The metrics URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The counts.</returns>
    public static async Task<ReconcileCounts> ScrapeAsync(HttpClient http, Uri metrics, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(metrics, cancellationToken);
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match match in Sample().Matches(text))
        {
            var result = match.Groups["result"].Value;
            counts[result] = counts.GetValueOrDefault(result) + double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        }

        return new ReconcileCounts(counts);
    }

    /// <summary>The reconciles since <paramref name="before"/>.</summary>
    /// <param name="before">An earlier reading.</param>
    /// <returns>The difference, by result.</returns>
    public ReconcileCounts Since(ReconcileCounts before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new ReconcileCounts(ByResult.ToDictionary(p => p.Key, p => p.Value - before.ByResult.GetValueOrDefault(p.Key), StringComparer.Ordinal));
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Total:0} ({string.Join(", ", ByResult.Where(p => p.Value != 0).Select(p => $"{p.Key} {p.Value:0}"))})");

    [GeneratedRegex(@"^controller_runtime_reconcile_total\{(?=[^}]*result=""(?<result>[^""]+)"")[^}]*\}\s+(?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
