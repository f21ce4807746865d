using System.Globalization;
using System.Text.RegularExpressions;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// Kubernetes' ordering of API versions, most preferred first: GA before beta before alpha, higher
/// major then higher minor first (<c>v2, v1, v1beta2, v1beta1, v1alpha1</c>), then any other name alphabetically.
/// </summary>
internal sealed partial class VersionPriority : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static VersionPriority Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        var (left, right) = (Rank(x ?? ""), Rank(y ?? ""));
        if (left is null || right is null)
        {
            return left is null && right is null
                ? string.CompareOrdinal(x, y)
                : left is null ? 1 : -1;
        }

        // Higher level (GA 2, beta 1, alpha 0), then higher major, then higher minor come first.
        var byLevel = right.Value.Level.CompareTo(left.Value.Level);
        var byMajor = right.Value.Major.CompareTo(left.Value.Major);
        return byLevel != 0 ? byLevel : byMajor != 0 ? byMajor : right.Value.Minor.CompareTo(left.Value.Minor);
    }

    private static (int Level, long Major, long Minor)? Rank(string version)
    {
        var match = KubeVersion().Match(version);
        if (!match.Success)
        {
            return null;
        }

        var major = long.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture);
        var level = match.Groups["level"].Value switch { "beta" => 1, "alpha" => 0, _ => 2 };
        var minor = match.Groups["minor"].Success ? long.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture) : 0;
        return (level, major, minor);
    }

    [GeneratedRegex(@"^v(?<major>[1-9][0-9]*)(?:(?<level>alpha|beta)(?<minor>[1-9][0-9]*))?\z")]
    private static partial Regex KubeVersion();
}
