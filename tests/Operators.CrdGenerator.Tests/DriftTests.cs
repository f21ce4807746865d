using FluentAssertions;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Api.NovaAgents;

namespace Operators.CrdGenerator.Tests;

/// <summary>The committed chart CRDs are exactly what the C# types generate.</summary>
public sealed class DriftTests
{
    private static readonly object[] Charts =
    [
        new object[] { typeof(V1Alpha1BuildingBlock), "building-block" },
        new object[] { typeof(V1Alpha1NovaAgent), "nova-agent" },
        new object[] { typeof(V1Alpha1MaintenanceNotifier), "maintenance-notifier" },
    ];

    [TestCaseSource(nameof(Charts))]
    public void CommittedChartCrd_EqualsWhatTheTypeGenerates(Type resource, string chart)
    {
        var path = Path.Combine(RepositoryPaths.Root, "charts", chart, "templates", "crd.yaml");
        var expected = CustomResourceDefinitions.ToChartTemplate(CustomResourceDefinitions.Generate(resource), resource);

        File.Exists(path).Should().BeTrue($"{path} is generated from {resource.Name}: run `make crds`");
        File.ReadAllText(path).Should().Be(expected, $"charts/{chart}/templates/crd.yaml is generated from {resource.FullName}: run `make crds` and commit the result");
    }
}
