using System.Text.RegularExpressions;
using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Values;

public sealed partial class ValuesFileTests
{
    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void ValuesFile_DocumentsEveryKey(string chart)
    {
        var lines = File.ReadAllLines(RepositoryRoot.Combine("charts", chart, "values.yaml"));

        var undocumented = UndocumentedLeaves(lines);

        undocumented.Should().BeEmpty("every value in charts/{0}/values.yaml needs a comment above it (or above its parent object)", chart);
    }

    [Test]
    public void UndocumentedLeaves_FindsAKeyWithoutAComment()
    {
        string[] lines = ["# -- documented", "a: 1", "b:", "  # -- documented child", "  c: 2", "  d: 3", "e:", "  - x: 1"];

        UndocumentedLeaves(lines).Should().Equal("b.d", "e");
    }

    // A leaf is documented by a comment line right above it or above one of its parent keys;
    // list items belong to their (documented) key.
    private static List<string> UndocumentedLeaves(IReadOnlyList<string> lines)
    {
        var undocumented = new List<string>();
        var parents = new Stack<(int Indent, string Key, bool Documented)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var match = KeyLine().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var indent = match.Groups["indent"].Length;
            while (parents.Count > 0 && parents.Peek().Indent >= indent)
            {
                parents.Pop();
            }

            var previous = PreviousNonBlank(lines, i);
            var documented = previous.TrimStart().StartsWith('#') || parents.Any(p => p.Documented);
            var path = string.Join('.', parents.Reverse().Select(p => p.Key).Append(match.Groups["key"].Value));
            var isLeaf = match.Groups["value"].Value.Trim().Length > 0 || !HasNestedKeys(lines, i, indent);
            if (isLeaf && !documented)
            {
                undocumented.Add(path);
            }

            parents.Push((indent, match.Groups["key"].Value, documented));
        }

        return undocumented;
    }

    private static string PreviousNonBlank(IReadOnlyList<string> lines, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (lines[i].Trim().Length > 0)
            {
                return lines[i];
            }
        }

        return string.Empty;
    }

    // A key without an inline value is an object when the next non-comment line is a deeper key;
    // a list (or nothing) makes it a leaf.
    private static bool HasNestedKeys(IReadOnlyList<string> lines, int index, int indent)
    {
        for (var i = index + 1; i < lines.Count; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var childIndent = lines[i].Length - trimmed.Length;
            return childIndent > indent && !trimmed.StartsWith('-');
        }

        return false;
    }

    [GeneratedRegex(@"^(?<indent>\s*)(?<key>[A-Za-z0-9_.\-/]+):(?<value>\s.*)?$")]
    private static partial Regex KeyLine();
}
