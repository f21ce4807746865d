using System.Text;

namespace Operators.Benchmarks.Reporting;

/// <summary>
/// One Markdown section of results: a heading, the run's header lines, a table of measured figures
/// next to their targets or reference figures, and notes. Wrapped in <c>&lt;!-- bench:id --&gt;</c> markers
/// so <see cref="ResultsFile"/> can replace it on the next run.
/// </summary>
internal sealed class ReportSection(string id, string title)
{
    private readonly List<(string Measurement, string Measured, string Target, Verdict Verdict)> _rows = [];
    private readonly List<string> _notes = [];

    public string Id { get; } = id;

    /// <summary>Adds a table row.</summary>
    public ReportSection Row(string measurement, string measured, string target = "", Verdict verdict = Verdict.None)
    {
        _rows.Add((measurement, measured, target, verdict));
        return this;
    }

    /// <summary>Adds a row whose verdict is <paramref name="met"/>.</summary>
    public ReportSection Row(string measurement, string measured, string target, bool met) =>
        Row(measurement, measured, target, met ? Verdict.Met : Verdict.NotMet);

    /// <summary>Adds a bullet under the table.</summary>
    public ReportSection Note(string note)
    {
        _notes.Add(note);
        return this;
    }

    /// <summary>The section as Markdown, with its markers.</summary>
    public string ToMarkdown(RunContext context)
    {
        var text = new StringBuilder();
        text.Append("<!-- bench:").Append(Id).AppendLine(" -->");
        text.Append("### ").AppendLine(title).AppendLine();
        foreach (var line in context.HeaderLines())
        {
            text.AppendLine(line);
        }

        text.AppendLine();
        text.AppendLine("| measurement | measured | target / reference | verdict |");
        text.AppendLine("| --- | ---: | --- | --- |");
        foreach (var (measurement, measured, target, verdict) in _rows)
        {
            text.Append("| ").Append(Escape(measurement))
                .Append(" | ").Append(Escape(measured))
                .Append(" | ").Append(Escape(target))
                .Append(" | ").Append(verdict switch { Verdict.Met => "met", Verdict.NotMet => "**not met**", _ => "" })
                .AppendLine(" |");
        }

        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.Append("- ").AppendLine(note);
            }
        }

        text.Append("<!-- /bench:").Append(Id).AppendLine(" -->");
        return text.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
