using System.Text.RegularExpressions;
using Operators.Api;
using Operators.Api.BuildingBlocks;

namespace Operators.BuildingBlock;

/// <summary>
/// The rules of a BuildingBlock that its CRD schema cannot express, or that a server without the
/// schema's list-map check would let through (DESIGN.md section 6.0, "Validation"). Each problem
/// names its field, e.g. <c>spec.hosts[2].name: duplicate host "node001-bb091"</c>. Pure.
/// </summary>
internal static partial class BuildingBlockValidator
{
    /// <summary>The longest label value; the block's name is the value of the building-block label.</summary>
    public const int MaxLabelValueLength = 63;

    /// <summary>Returns every problem of <paramref name="block"/>'s spec and name; empty when it is valid.</summary>
    /// <param name="block">The block as read from the API.</param>
    /// <returns>One <c>field: problem</c> line per problem, in field order.</returns>
    public static IReadOnlyList<string> Validate(V1Alpha1BuildingBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var problems = new List<string>();
        var name = block.Metadata.Name ?? "";
        if (name.Length > MaxLabelValueLength)
        {
            problems.Add($"metadata.name: \"{name}\" is {name.Length} characters; the name of a building block is the value of the label "
                + $"{WellKnownLabels.BuildingBlock} on its agents and must be at most {MaxLabelValueLength}");
        }

        var zone = block.Spec.AvailabilityZone ?? "";
        if (!IsLabel(zone))
        {
            problems.Add($"spec.availabilityZone: \"{zone}\" is not a DNS-1123 label of at most {ValidationPatterns.Dns1123LabelMaxLength} characters");
        }

        CheckHosts(block.Spec, problems);
        return problems;
    }

    private static void CheckHosts(BuildingBlockSpec spec, List<string> problems)
    {
        var hosts = spec.Hosts ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, string>(StringComparer.Ordinal);
        var driver = spec.AgentTemplate?.ComputeDriver ?? ComputeDrivers.Libvirt;
        for (var i = 0; i < hosts.Count; i++)
        {
            var host = hosts[i];
            var hostName = host?.Name ?? "";
            if (!IsLabel(hostName))
            {
                problems.Add($"spec.hosts[{i}].name: \"{hostName}\" is not a DNS-1123 label of at most {ValidationPatterns.Dns1123LabelMaxLength} characters "
                    + "(it is the name of the host's NovaAgent)");
                continue;
            }

            if (!seen.Add(hostName))
            {
                problems.Add($"spec.hosts[{i}].name: duplicate host \"{hostName}\"");
                continue;
            }

            if (driver == ComputeDrivers.Libvirt && DesiredAgent.NodeName(host!, driver) is { } node)
            {
                if (nodes.TryGetValue(node, out var other))
                {
                    var field = string.IsNullOrEmpty(host!.NodeName) ? "name" : "nodeName";
                    problems.Add($"spec.hosts[{i}].{field}: node \"{node}\" already runs host \"{other}\"; the libvirt driver runs one agent per node");
                }
                else
                {
                    nodes.Add(node, hostName);
                }
            }
        }
    }

    private static bool IsLabel(string value) => value.Length is > 0 and <= ValidationPatterns.Dns1123LabelMaxLength && Dns1123Label().IsMatch(value);

    [GeneratedRegex(ValidationPatterns.Dns1123Label, RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();
}
