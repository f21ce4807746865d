namespace Operators.Reliability.Tests.BadInput;

/// <summary>How one case ended.</summary>
/// <param name="Case">The case.</param>
/// <param name="Passed">Whether it ended as expected.</param>
/// <param name="Actual">What happened: the refusal's code and message, or the condition's status, reason and message.</param>
internal sealed record CorpusOutcome(CorpusCase Case, bool Passed, string Actual)
{
    /// <summary>One Markdown table row: case, expected, actual, verdict.</summary>
    /// <returns>The row.</returns>
    public string Row() =>
        $"| {Case.Name} | {(Case.ViaKubectl ? "kubectl" : "api")} | {Case.Expect} | {Shorten(Actual)} | {(Passed ? "ok" : "FAILED")} |";

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
        return line.Length <= 160 ? line : line[..157] + "...";
    }
}
