using System.Globalization;
using k8s.Models;

namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>
/// <c>metav1.LabelSelector</c> semantics: every <c>matchLabels</c> pair and every <c>matchExpressions</c>
/// requirement must hold (<c>In</c>, <c>NotIn</c> — also true when the key is absent —, <c>Exists</c>,
/// <c>DoesNotExist</c>); an absent or empty selector matches everything.
/// </summary>
internal sealed class LabelSelectorMatcher
{
    private readonly IReadOnlyDictionary<string, string> _labels;
    private readonly IReadOnlyList<V1LabelSelectorRequirement> _requirements;

    private LabelSelectorMatcher(IReadOnlyDictionary<string, string> labels, IReadOnlyList<V1LabelSelectorRequirement> requirements)
    {
        _labels = labels;
        _requirements = requirements;
    }

    /// <summary>Checks <paramref name="selector"/> and prepares a matcher.</summary>
    /// <param name="selector">The selector; null matches everything.</param>
    /// <param name="matcher">The matcher when the selector is valid.</param>
    /// <param name="error">What is wrong, naming the field under <c>spec.buildingBlockSelector</c>, when it is not.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryCreate(V1LabelSelector? selector, out LabelSelectorMatcher matcher, out string? error)
    {
        var requirements = selector?.MatchExpressions?.ToList() ?? [];
        for (var i = 0; i < requirements.Count; i++)
        {
            var requirement = requirements[i];
            var count = requirement.Values?.Count ?? 0;
            var problem = requirement.OperatorProperty switch
            {
                "In" or "NotIn" when count == 0 => "values must not be empty for In and NotIn",
                "In" or "NotIn" => null,
                "Exists" or "DoesNotExist" when count > 0 => "values must be empty for Exists and DoesNotExist",
                "Exists" or "DoesNotExist" => null,
                _ => "operator must be In, NotIn, Exists or DoesNotExist",
            };
            if (string.IsNullOrEmpty(requirement.Key))
            {
                problem = "key must not be empty";
            }

            if (problem is not null)
            {
                matcher = new LabelSelectorMatcher(new Dictionary<string, string>(), []);
                error = string.Create(CultureInfo.InvariantCulture, $"spec.buildingBlockSelector.matchExpressions[{i}]: {problem}");
                return false;
            }
        }

        matcher = new LabelSelectorMatcher(new Dictionary<string, string>(selector?.MatchLabels ?? new Dictionary<string, string>()), requirements);
        error = null;
        return true;
    }

    /// <summary>Whether <paramref name="labels"/> satisfy the selector.</summary>
    /// <param name="labels">An object's labels; null reads as none.</param>
    /// <returns><see langword="true"/> on a match.</returns>
    public bool Matches(IDictionary<string, string>? labels)
    {
        labels ??= new Dictionary<string, string>();
        foreach (var (key, value) in _labels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var requirement in _requirements)
        {
            var present = labels.TryGetValue(requirement.Key, out var actual);
            var holds = requirement.OperatorProperty switch
            {
                "In" => present && requirement.Values!.Contains(actual!),
                "NotIn" => !present || !requirement.Values!.Contains(actual!),
                "Exists" => present,
                _ => !present,
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }
}
