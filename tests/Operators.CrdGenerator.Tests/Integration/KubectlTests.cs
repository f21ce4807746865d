using System.Diagnostics;
using FluentAssertions;

namespace Operators.CrdGenerator.Tests.Integration;

/// <summary>kubectl (on the PATH) applies the generated YAML and the samples with server-side validation.</summary>
public sealed class KubectlTests : ApiServerFixture
{
    private string _folder = "";

    [OneTimeSetUp]
    public void WriteKubeconfig()
    {
        _folder = Directory.CreateTempSubdirectory("crdgen-kubectl-").FullName;
        Server.WriteKubeconfig(Path.Combine(_folder, "kubeconfig"));
    }

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task KubectlApplyDryRunServer_AcceptsTheGeneratedYaml()
    {
        var file = Path.Combine(_folder, "crds.yaml");
        await File.WriteAllTextAsync(file, string.Join("---\n", ResourceTypes.Select(t => CustomResourceDefinitions.ToYaml(CustomResourceDefinitions.Generate(t)))));

        var (code, output) = await KubectlAsync("apply", "--dry-run=server", "-f", file);

        code.Should().Be(0, output);
        output.Should().Contain("customresourcedefinition.apiextensions.k8s.io/buildingblocks.openstack.operators.dev configured (server dry run)")
            .And.Contain("novaagents.openstack.operators.dev").And.Contain("maintenancenotifiers.openstack.operators.dev");
    }

    [Test]
    public async Task KubectlApplyDryRunServer_AcceptsTheSamples()
    {
        var samples = Path.Combine(RepositoryPaths.Shared, "samples", "openstack.yaml");

        var (code, output) = await KubectlAsync("apply", "--dry-run=server", "-f", samples);

        code.Should().Be(0, output);
        output.Should().Contain("buildingblock.openstack.operators.dev/bb091 created (server dry run)")
            .And.Contain("maintenancenotifier.openstack.operators.dev/slack-compute-qa-de-1 created (server dry run)");
    }

    [Test]
    public async Task KubectlExplain_ShowsTheDescriptionsFromTheXmlDocumentation()
    {
        var (code, output) = await KubectlAsync("explain", "buildingblocks.spec.hosts");

        code.Should().Be(0, output);
        output.Should().Contain("The compute hosts; one NovaAgent named after each is kept.");
    }

    private async Task<(int Code, string Output)> KubectlAsync(params string[] args)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["KUBECONFIG"] = Path.Combine(_folder, "kubeconfig");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
