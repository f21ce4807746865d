using Operators.Api;
using Operators.Api.NovaAgents;

namespace Operators.NovaAgent.Rendering;

/// <summary>
/// The labels of both children and of the pod template: those of DESIGN.md section 6.0 plus the two
/// selector labels. They come from the spec only, never from the NovaAgent's own labels or
/// annotations, so labelling a NovaAgent changes nothing it renders.
/// </summary>
internal static class AgentLabels
{
    /// <summary>The selector label naming the application.</summary>
    public const string Name = "app.kubernetes.io/name";

    /// <summary>The selector label naming the instance: the host.</summary>
    public const string Instance = "app.kubernetes.io/instance";

    /// <summary>
    /// The Deployment's selector: <c>app.kubernetes.io/name: nova-compute</c> and
    /// <c>app.kubernetes.io/instance: &lt;host&gt;</c>. Selectors are immutable, so it depends on the
    /// (immutable) host only.
    /// </summary>
    /// <param name="host">The nova host.</param>
    /// <returns>A new dictionary.</returns>
    public static Dictionary<string, string> Selector(string host) => new(StringComparer.Ordinal)
    {
        [Name] = AgentNames.ContainerName,
        [Instance] = host,
    };

    /// <summary>Every label the operator sets: the selector, managed-by, part-of, building block (when set), host and zone.</summary>
    /// <param name="spec">The NovaAgent's spec.</param>
    /// <returns>A new dictionary.</returns>
    public static Dictionary<string, string> For(NovaAgentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var labels = Selector(spec.Host);
        labels[WellKnownLabels.ManagedBy] = AgentNames.OperatorName;
        labels[WellKnownLabels.PartOf] = WellKnownLabels.PartOfValue;
        if (!string.IsNullOrEmpty(spec.BuildingBlock))
        {
            labels[WellKnownLabels.BuildingBlock] = spec.BuildingBlock;
        }

        labels[WellKnownLabels.Host] = spec.Host;
        labels[WellKnownLabels.Zone] = spec.AvailabilityZone;
        return labels;
    }

    /// <summary>Sets <paramref name="wanted"/> on <paramref name="labels"/>, keeping labels others added.</summary>
    /// <param name="labels">The live labels; null reads as none.</param>
    /// <param name="wanted">The labels the operator owns.</param>
    /// <returns>The merged labels.</returns>
    public static IDictionary<string, string> Merge(IDictionary<string, string>? labels, IReadOnlyDictionary<string, string> wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var merged = labels ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in wanted)
        {
            merged[key] = value;
        }

        return merged;
    }
}
