using System.Text;

namespace Operators.Benchmarks.Reporting;

/// <summary>
/// A Markdown file of result sections: writing a section replaces the one with the same id
/// (between its <c>&lt;!-- bench:id --&gt;</c> and <c>&lt;!-- /bench:id --&gt;</c> markers) or appends it.
/// </summary>
internal static class ResultsFile
{
    /// <summary>Inserts or replaces <paramref name="markdown"/> (which carries its own markers) in the file.</summary>
    public static void Upsert(string path, string id, string markdown)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        File.WriteAllText(path, Merge(existing, id, markdown), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The text with the section replaced or appended.</summary>
    public static string Merge(string existing, string id, string markdown)
    {
        var begin = $"<!-- bench:{id} -->";
        var end = $"<!-- /bench:{id} -->";
        var start = existing.IndexOf(begin, StringComparison.Ordinal);
        var stop = start < 0 ? -1 : existing.IndexOf(end, start, StringComparison.Ordinal);
        var section = markdown.TrimEnd('\n') + "\n";
        if (start < 0 || stop < 0)
        {
            var separator = existing.Length == 0 ? "" : existing.EndsWith("\n\n", StringComparison.Ordinal) ? "" : existing.EndsWith('\n') ? "\n" : "\n\n";
            return existing + separator + section;
        }

        var after = stop + end.Length;
        if (after < existing.Length && existing[after] == '\n')
        {
            after++;
        }

        return string.Concat(existing.AsSpan(0, start), section, existing.AsSpan(after));
    }
}
