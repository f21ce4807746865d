namespace Operators.LocalRun;

/// <summary>
/// Writes the children's output to one terminal, one line per entry, each prefixed with its source
/// (<c>[api]</c>, <c>[building-block]</c>, ...) and shortened by <see cref="LogLineFormatter"/>. With a log
/// folder, every raw line is also kept in <c>&lt;name&gt;.log</c> there. Safe to call from many threads.
/// </summary>
internal sealed class LineRelay : IDisposable
{
    private const int PrefixWidth = 17;

    private readonly TextWriter _output;
    private readonly string? _logFolder;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StreamWriter> _logs = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="LineRelay"/> class.</summary>
    /// <param name="output">Where the short lines go (the console).</param>
    /// <param name="logFolder">Where the full logs go, or null for none.</param>
    public LineRelay(TextWriter output, string? logFolder = null)
    {
        _output = output;
        _logFolder = logFolder;
        if (logFolder is not null)
        {
            Directory.CreateDirectory(logFolder);
        }
    }

    /// <summary>Relays one raw line of a child.</summary>
    /// <param name="source">The child's name.</param>
    /// <param name="line">The raw line.</param>
    /// <param name="logOnly">Whether the line goes to the log file only.</param>
    public void Relay(string source, string line, bool logOnly = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(line);
        var text = logOnly ? null : LogLineFormatter.Format(line);
        lock (_gate)
        {
            if (_logFolder is not null)
            {
                Log(source).WriteLine(line);
            }

            if (text is not null)
            {
                _output.WriteLine(Prefixed(source, text));
            }
        }
    }

    /// <summary>Relays one raw line of a supervised child, honouring its <see cref="ChildSpec.LogOnly"/> test.</summary>
    /// <param name="child">The child.</param>
    /// <param name="line">The raw line.</param>
    public void Relay(ChildProcess child, string line)
    {
        ArgumentNullException.ThrowIfNull(child);
        Relay(child.Name, line, child.Spec.LogOnly?.Invoke(line) == true);
    }

    /// <summary>Writes a line of the launcher itself (or of a summary) as it is.</summary>
    /// <param name="source">The prefix, e.g. <c>run</c>.</param>
    /// <param name="text">The line.</param>
    public void Write(string source, string text)
    {
        lock (_gate)
        {
            _output.WriteLine(Prefixed(source, text));
        }
    }

    /// <summary>Writes lines without a prefix (instructions).</summary>
    /// <param name="lines">The lines.</param>
    public void WriteBlock(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lock (_gate)
        {
            foreach (var line in lines)
            {
                _output.WriteLine(line);
            }

            _output.Flush();
        }
    }

    /// <summary>Formats a prefixed line: <c>[source]</c> padded to a common width, then the text.</summary>
    /// <param name="source">The prefix.</param>
    /// <param name="text">The text.</param>
    /// <returns>The line.</returns>
    public static string Prefixed(string source, string text) => ("[" + source + "]").PadRight(PrefixWidth) + text;

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var log in _logs.Values)
            {
                log.Dispose();
            }

            _logs.Clear();
        }
    }

    private StreamWriter Log(string source)
    {
        if (!_logs.TryGetValue(source, out var log))
        {
            log = new StreamWriter(Path.Combine(_logFolder!, source + ".log"), append: false) { AutoFlush = true };
            _logs[source] = log;
        }

        return log;
    }
}
