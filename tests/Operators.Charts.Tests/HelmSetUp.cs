using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests;

/// <summary>Checks once, before any test of the assembly, that the pinned helm is installed, so a missing tool fails with one clear message.</summary>
[SetUpFixture]
public sealed class HelmSetUp
{
    [OneTimeSetUp]
    public void RequireHelm() => Helm.EnsureInstalled();
}
