using System.Text.RegularExpressions;

namespace Operators.LocalApiServer.Tests.Kubectl;

/// <summary>
/// The human-readable table <c>kubectl get</c> prints, read by column position: each value starts
/// where its header starts, so empty cells (a printer column with no value) read as empty strings.
/// </summary>
internal sealed partial class KubectlTable
{
    private KubectlTable(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Headers = headers;
        Rows = rows;
    }

    /// <summary>The column headers, left to right.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The rows, each mapping a header to its cell.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    /// <summary>Parses kubectl's output: a header line, then one line per row.</summary>
    public static KubectlTable Parse(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return new KubectlTable([], []);
        }

        var columns = HeaderWord().Matches(lines[0]).Select(m => (Name: m.Value, Start: m.Index)).ToList();
        var rows = lines.Skip(1).Select(line => (IReadOnlyDictionary<string, string>)columns.Select((column, i) =>
        {
            var end = i + 1 < columns.Count ? columns[i + 1].Start : line.Length;
            var cell = column.Start >= line.Length ? "" : line[column.Start..Math.Min(end, line.Length)];
            return (column.Name, Value: cell.Trim());
        }).ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal)).ToList();
        return new KubectlTable(columns.Select(c => c.Name).ToList(), rows);
    }

    /// <summary>The row whose NAME is <paramref name="name"/>.</summary>
    public IReadOnlyDictionary<string, string> Row(string name) => Rows.Single(r => r["NAME"] == name);

    [GeneratedRegex(@"\S+")]
    private static partial Regex HeaderWord();
}
