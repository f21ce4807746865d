using Operators.LocalRun;

namespace Operators.Testing;

/// <summary>The repository this test assembly was built from, in the same build configuration.</summary>
internal static class TestRepository
{
    /// <summary>Gets the layout: root above the test's folder, configuration from <c>bin/&lt;configuration&gt;/net10.0</c>.</summary>
    public static RepositoryLayout Layout { get; } = new(
        RepositoryLayout.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("the tests run outside the repository"),
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name);
}
