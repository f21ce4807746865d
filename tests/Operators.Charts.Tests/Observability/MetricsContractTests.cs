using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Observability;

public sealed class MetricsContractTests
{
    [Test]
    public void SharedContract_EveryMetricIsDefinedByTheRuntimeLibraries()
    {
        var sources = Directory.EnumerateFiles(RepositoryRoot.Combine("libs"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        var missing = MetricsContract.Shared.Where(name => !sources.Any(s => s.Contains($"\"{name}\"", StringComparison.Ordinal)));

        missing.Should().BeEmpty("the charts' alerts and dashboards may only use metrics the runtime exports");
    }
}
