using System.Text.RegularExpressions;

namespace Operators.LocalRun;

/// <summary>
/// Shortens the operators' text log lines (<c>--log-format text</c>) for the terminal:
/// <c>2026-11-26T01:03:55.314Z warn: Operators.Runtime.Cache.SharedInformer[1201] Message Exception...</c>
/// becomes <c>01:03:55 WARN SharedInformer: Message (KubernetesApiException: ...)</c>, and a reconcile's scope
/// (<c>=> building-block openstack/bb091 #1a2b3c4d</c>) becomes the object after the category. Host
/// boilerplate and stack-trace lines are dropped; other lines pass through unchanged.
/// </summary>
internal static partial class LogLineFormatter
{
    /// <summary>The longest line printed; the rest is cut with an ellipsis (the full line is in the log file).</summary>
    public const int MaxLength = 220;

    private static readonly string[] Boilerplate =
    [
        "Hosting environment:",
        "Content root path:",
        "Application started. Press Ctrl+C to shut down.",
    ];

    /// <summary>Formats one line.</summary>
    /// <param name="line">The raw line.</param>
    /// <returns>The short line, or null to drop it.</returns>
    public static string? Format(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length == 0 || StackFrame().IsMatch(line))
        {
            return null;
        }

        var entry = TextEntry().Match(line);
        if (!entry.Success)
        {
            return Cut(line.TrimEnd());
        }

        var rest = entry.Groups["rest"].Value;
        var reconcile = ReconcileScope().Match(rest);
        var subject = reconcile.Success ? " " + reconcile.Groups["key"].Value : string.Empty;
        var message = Scopes().Replace(reconcile.Success ? rest.Remove(reconcile.Index, reconcile.Length) : rest, string.Empty).Trim();
        if (Boilerplate.Any(b => message.StartsWith(b, StringComparison.Ordinal)))
        {
            return null;
        }

        message = ShortenException(message);
        var level = entry.Groups["level"].Value switch
        {
            "info" => string.Empty,
            "warn" => "WARN ",
            "fail" => "ERROR ",
            "crit" => "CRITICAL ",
            "dbug" => "debug ",
            "trce" => "trace ",
            var other => other + " ",
        };
        return Cut($"{entry.Groups["time"].Value} {level}{ShortCategory(entry.Groups["category"].Value)}{subject}: {message}");
    }

    /// <summary>The last part of a logger category, without generic arity: <c>Operators.Runtime.Cache.SharedInformer`1</c> → <c>SharedInformer</c>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The short name.</returns>
    public static string ShortCategory(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var tick = category.IndexOf('`', StringComparison.Ordinal);
        var name = tick < 0 ? category : category[..tick];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static string ShortenException(string message)
    {
        // Single-line console logs append "Exception.Type: message    at frame    at frame".
        var at = message.IndexOf("    at ", StringComparison.Ordinal);
        if (at >= 0)
        {
            message = message[..at];
        }

        var exception = ExceptionStart().Match(message);
        var type = exception.Groups["type"];
        return exception.Success && exception.Index > 0
            ? $"{message[..type.Index].TrimEnd()} ({ShortCategory(type.Value)}{message[(type.Index + type.Length)..].TrimEnd()})"
            : message;
    }

    private static string Cut(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT(?<time>\d\d:\d\d:\d\d)[.\d]*Z? (?<level>[a-z]{4}): (?<category>[^\s\[]+)\[\d+\] ?(?<rest>.*)$")]
    private static partial Regex TextEntry();

    [GeneratedRegex(@"\s*=> (System\.Collections\.Generic\.\S+|SpanId:\S+, TraceId:\S+, ParentId:\S+)")]
    private static partial Regex Scopes();

    // The runtime's reconcile scope: "=> building-block openstack/bb091 #1a2b3c4d".
    [GeneratedRegex(@"^\s*=> (?<controller>\S+) (?<key>\S+) #[0-9a-f]{1,8}(?= |$)")]
    private static partial Regex ReconcileScope();

    [GeneratedRegex(@"^\s+at \S")]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"\s(?<type>[A-Z][\w]*(\.[A-Z][\w`]*)*Exception)(?=:|\s|$)")]
    private static partial Regex ExceptionStart();
}
