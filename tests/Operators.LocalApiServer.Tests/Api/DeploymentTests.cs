using FluentAssertions;
using k8s;
using k8s.Models;

namespace Operators.LocalApiServer.Tests.Api;

public sealed class DeploymentTests : ServerFixture
{
    [Test]
    public async Task Generation_IsBumpedBySpecAndAnnotationChangesButNotLabels()
    {
        var created = await Client.AppsV1.CreateNamespacedDeploymentAsync(NewDeployment("d", 1), Ns);
        created.Metadata.Generation.Should().Be(1);

        var labelled = await Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("{\"metadata\":{\"labels\":{\"x\":\"y\"}}}", V1Patch.PatchType.MergePatch), "d", Ns);
        labelled.Metadata.Generation.Should().Be(1);

        var annotated = await Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("{\"metadata\":{\"annotations\":{\"a\":\"b\"}}}", V1Patch.PatchType.MergePatch), "d", Ns);
        annotated.Metadata.Generation.Should().Be(2, "a Deployment's annotations count as a spec change");

        var scaled = await Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("{\"spec\":{\"replicas\":3}}", V1Patch.PatchType.MergePatch), "d", Ns);
        scaled.Metadata.Generation.Should().Be(3);
    }

    [Test]
    public async Task Create_AppliesKubernetesDefaults()
    {
        var created = await Client.AppsV1.CreateNamespacedDeploymentAsync(NewDeployment("d", 1), Ns);

        created.Spec.Strategy.Type.Should().Be("RollingUpdate");
        created.Spec.RevisionHistoryLimit.Should().Be(10);
        created.Spec.Template.Spec.Containers[0].ImagePullPolicy.Should().Be("IfNotPresent");
    }

    [Test]
    public async Task StatusSimulator_MakesReplicasReadyAndObservesGeneration()
    {
        await Client.AppsV1.CreateNamespacedDeploymentAsync(NewDeployment("d", 2), Ns);

        (await EventuallyAsync(async () =>
        {
            var d = await Client.AppsV1.ReadNamespacedDeploymentAsync("d", Ns);
            return d.Status?.ObservedGeneration == 1 && d.Status.ReadyReplicas == 2 && d.Status.AvailableReplicas == 2;
        })).Should().BeTrue();
    }

    [Test]
    public async Task MainEndpoint_IgnoresStatus_AndStatusEndpoint_IgnoresSpec()
    {
        await Client.AppsV1.CreateNamespacedDeploymentAsync(NewDeployment("d", 0), Ns);

        var viaMain = await Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("{\"status\":{\"replicas\":7}}", V1Patch.PatchType.MergePatch), "d", Ns);
        viaMain.Status?.Replicas.Should().NotBe(7);

        var viaStatus = await Client.AppsV1.PatchNamespacedDeploymentStatusAsync(new V1Patch("{\"spec\":{\"replicas\":5}}", V1Patch.PatchType.MergePatch), "d", Ns);
        viaStatus.Spec.Replicas.Should().Be(0);
    }

    [Test]
    public async Task Scale_ReadsAndWritesReplicas()
    {
        await Client.AppsV1.CreateNamespacedDeploymentAsync(NewDeployment("d", 1), Ns);

        var scale = await Client.AppsV1.ReadNamespacedDeploymentScaleAsync("d", Ns);
        scale.Spec.Replicas.Should().Be(1);
        await Client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("{\"spec\":{\"replicas\":4}}", V1Patch.PatchType.MergePatch), "d", Ns);

        (await Client.AppsV1.ReadNamespacedDeploymentAsync("d", Ns)).Spec.Replicas.Should().Be(4);
    }

    [Test]
    public async Task StrategicMergePatch_MergesContainersByName()
    {
        var deployment = NewDeployment("d", 1);
        deployment.Spec.Template.Spec.Containers.Add(new V1Container { Name = "sidecar", Image = "sidecar:1" });
        await Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, Ns);

        var patched = await Client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"agent\",\"image\":\"agent:2\"}]}}}}", V1Patch.PatchType.StrategicMergePatch), "d", Ns);

        patched.Spec.Template.Spec.Containers.Select(c => (c.Name, c.Image)).Should().BeEquivalentTo(new[] { ("agent", "agent:2"), ("sidecar", "sidecar:1") });
    }

    internal static V1Deployment NewDeployment(string name, int replicas) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "agent", Image = "agent:1" }] },
            },
        },
    };
}
