using System.Text.RegularExpressions;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Rendering;

namespace Operators.NovaAgent.Validation;

/// <summary>
/// The checks the schema cannot express (DESIGN.md section 6.0, Validation): <c>spec.host</c> is
/// immutable; the values that become labels or node selector values are valid label values; the pin
/// (<c>spec.nodeName</c>) and <c>spec.nodeSelector</c> agree. Pure.
/// </summary>
internal static partial class SpecChecks
{
    private const int LabelValueMaxLength = 63;

    /// <summary>
    /// The host this NovaAgent was rendered for, when it differs from <c>spec.host</c>: read from
    /// <c>status.deploymentName</c> / <c>status.configMapName</c> and from the names of the children
    /// it controls.
    /// </summary>
    /// <param name="spec">The spec.</param>
    /// <param name="status">The status as last written; null when none.</param>
    /// <param name="controlledChildNames">The names of the ConfigMaps and Deployments the NovaAgent controls.</param>
    /// <returns>The earlier host, or null when everything was rendered for <c>spec.host</c>.</returns>
    public static string? PreviousHost(NovaAgentSpec spec, NovaAgentStatus? status, IEnumerable<string> controlledChildNames)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(controlledChildNames);
        IEnumerable<string?> names = [status?.DeploymentName, status?.ConfigMapName, .. controlledChildNames];
        return names.Select(AgentNames.HostOf).FirstOrDefault(host => host is not null && host != spec.Host);
    }

    /// <summary>Checks <paramref name="spec"/>.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="previousHost">The host the NovaAgent was rendered for, when different (see <see cref="PreviousHost"/>).</param>
    /// <returns>The first problem, or null when the spec is valid.</returns>
    public static SpecProblem? Check(NovaAgentSpec spec, string? previousHost)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (previousHost is not null && previousHost != spec.Host)
        {
            return new SpecProblem(
                "spec.host",
                $"spec.host is immutable: this NovaAgent runs host \"{previousHost}\" ({AgentNames.ChildName(previousHost)}) and cannot become \"{spec.Host}\"; "
                + $"set spec.host back to \"{previousHost}\", or create a new NovaAgent for \"{spec.Host}\"");
        }

        if (!string.IsNullOrEmpty(spec.BuildingBlock) && !IsLabelValue(spec.BuildingBlock))
        {
            return new SpecProblem("spec.buildingBlock", $"spec.buildingBlock \"{spec.BuildingBlock}\" is not a valid label value (at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric)");
        }

        if (!string.IsNullOrEmpty(spec.NodeName))
        {
            if (!IsLabelValue(spec.NodeName))
            {
                return new SpecProblem("spec.nodeName", $"spec.nodeName \"{spec.NodeName}\" is not a valid {DeploymentRendering.HostnameLabel} label value (at most 63 characters)");
            }

            if (spec.NodeSelector is { } selector && selector.TryGetValue(DeploymentRendering.HostnameLabel, out var pinned) && pinned != spec.NodeName)
            {
                return new SpecProblem(
                    "spec.nodeSelector",
                    $"spec.nodeSelector[{DeploymentRendering.HostnameLabel}] \"{pinned}\" contradicts spec.nodeName \"{spec.NodeName}\"; remove one of them");
            }
        }

        return null;
    }

    private static bool IsLabelValue(string value) => value.Length <= LabelValueMaxLength && LabelValue().IsMatch(value);

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValue();
}
