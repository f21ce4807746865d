using FluentAssertions;

namespace Operators.LocalApiServer.Tests.Kubectl;

public sealed class KubectlBuiltInTests : KubectlFixture
{
    [Test]
    public async Task Apply_ConfigMapAndDeployment_CreatesBoth()
    {
        var applied = (await ApplyAsync(TestManifests.ConfigMapAndDeployment)).ShouldSucceed();

        applied.StdOut.Should().Contain("configmap/agent-config created").And.Contain("deployment.apps/agent created");
        var names = (await RunInNamespaceAsync("get", "configmap,deployment", "-o", "name")).ShouldSucceed().StdOut;
        names.Should().Contain("configmap/agent-config").And.Contain("deployment.apps/agent");
    }

    [Test]
    public async Task GetDeploy_ShowsReadyOnceTheSimulatorMarksItReady()
    {
        (await ApplyAsync(TestManifests.ConfigMapAndDeployment)).ShouldSucceed();

        var rollout = (await RunInNamespaceAsync("rollout", "status", "deployment/agent", "--timeout=20s")).ShouldSucceed();
        rollout.StdOut.Should().Contain("deployment \"agent\" successfully rolled out");

        var listed = (await RunInNamespaceAsync("get", "deploy")).ShouldSucceed();
        var table = KubectlTable.Parse(listed.StdOut);
        table.Headers.Should().Equal("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE");
        var row = table.Row("agent");
        row["READY"].Should().Be("2/2");
        row["UP-TO-DATE"].Should().Be("2");
        row["AVAILABLE"].Should().Be("2");
    }

    [Test]
    public async Task Apply_ChangedDeployment_PatchesItWithAStrategicMergePatch()
    {
        (await ApplyAsync(TestManifests.ConfigMapAndDeployment)).ShouldSucceed();

        var changed = (await ApplyAsync(TestManifests.ConfigMapAndDeployment.Replace("image: agent:1", "image: agent:2", StringComparison.Ordinal), "-v=8")).ShouldSucceed();

        changed.StdOut.Should().Contain("configmap/agent-config unchanged").And.Contain("deployment.apps/agent configured");
        changed.StdErr.Should().Contain("Content-Type: application/strategic-merge-patch+json").And.NotContain("warning:");
        var image = (await RunInNamespaceAsync("get", "deploy", "agent", "-o", "jsonpath={.spec.template.spec.containers[0].image}")).ShouldSucceed();
        image.StdOut.Trim().Should().Be("agent:2");
    }

    [Test]
    public async Task Describe_ConfigMap_ShowsItsData()
    {
        (await ApplyAsync(TestManifests.ConfigMapAndDeployment)).ShouldSucceed();

        var described = (await RunInNamespaceAsync("describe", "configmap", "agent-config")).ShouldSucceed().StdOut;

        described.Should().MatchRegex(@"Name:\s+agent-config")
            .And.MatchRegex($@"Namespace:\s+{Ns}")
            .And.Contain("nova.conf:")
            .And.Contain("debug = true");
    }

    [Test]
    public async Task Describe_Deployment_ShowsReplicasAndConditions()
    {
        (await ApplyAsync(TestManifests.ConfigMapAndDeployment)).ShouldSucceed();
        (await RunInNamespaceAsync("rollout", "status", "deployment/agent", "--timeout=20s")).ShouldSucceed();

        var described = (await RunInNamespaceAsync("describe", "deployment", "agent")).ShouldSucceed().StdOut;

        described.Should().MatchRegex(@"Name:\s+agent")
            .And.MatchRegex(@"Selector:\s+app=agent")
            .And.MatchRegex(@"Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable")
            .And.MatchRegex(@"StrategyType:\s+RollingUpdate")
            .And.MatchRegex(@"Image:\s+agent:1")
            .And.MatchRegex(@"Available\s+True\s+MinimumReplicasAvailable");
    }
}
