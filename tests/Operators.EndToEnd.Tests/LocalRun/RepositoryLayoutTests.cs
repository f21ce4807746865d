using FluentAssertions;
using Operators.LocalRun;

using Operators.Testing;

namespace Operators.EndToEnd.Tests.LocalRun;

public class RepositoryLayoutTests
{
    [Test]
    public void FindRoot_FromADeepFolder_FindsTheSolutionFolder()
    {
        var root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);

        root.Should().NotBeNull();
        File.Exists(Path.Combine(root!, "Operators.sln")).Should().BeTrue();
    }

    [Test]
    public void Paths_FollowTheBuildOutputLayout()
    {
        var layout = new RepositoryLayout("/repo", "Release");

        layout.OperatorDll(OperatorProgram.NovaAgent).Should().Be("/repo/operators/Operators.NovaAgent/bin/Release/net10.0/Operators.NovaAgent.dll");
        layout.ApiServerDll.Should().Be("/repo/libs/Operators.LocalApiServer/bin/Release/net10.0/Operators.LocalApiServer.dll");
        layout.CrdTemplate(OperatorProgram.MaintenanceNotifier).Should().Be("/repo/charts/maintenance-notifier/templates/crd.yaml");
    }

    [Test]
    public void RequireBuilt_WhenOutputsAreMissing_SaysToRunMakeBuild()
    {
        var folder = Directory.CreateTempSubdirectory("layout-").FullName;
        try
        {
            var require = () => new RepositoryLayout(folder, "Release").RequireBuilt();

            require.Should().Throw<LaunchException>().WithMessage("libs/Operators.LocalApiServer/bin/Release/net10.0/Operators.LocalApiServer.dll is missing: run make build first*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void RequireBuilt_InThisRepository_Passes()
    {
        var require = () => TestRepository.Layout.RequireBuilt();

        require.Should().NotThrow();
    }
}
