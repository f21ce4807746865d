namespace Operators.LocalApiServer.Tests.Kubectl;

/// <summary>A <see cref="KubectlFixture"/> whose server has the test CRD, applied with <c>kubectl apply -f</c>.</summary>
public abstract class CustomResourceFixture : KubectlFixture
{
    internal KubectlResult CrdApplied { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task ApplyCustomResourceDefinition()
    {
        CrdApplied = (await Kubectl.RunAsync("apply", "-f", WriteManifest(TestManifests.CustomResourceDefinition))).ShouldSucceed();
        (await Kubectl.RunAsync("wait", "--for=condition=Established", "crd/" + TestManifests.CrdName, "--timeout=15s")).ShouldSucceed();
    }

    /// <summary>Applies a BuildingBlock and checks kubectl created it.</summary>
    internal async Task ApplyBuildingBlockAsync(string name, string availabilityZone = "az-one", string image = "agent:1") =>
        (await ApplyAsync(TestManifests.BuildingBlock(name, availabilityZone, image))).ShouldSucceed();

    /// <summary>Sets the Ready condition through the status subresource with <c>kubectl patch</c>.</summary>
    internal async Task SetReadyAsync(string name, string status) =>
        (await RunInNamespaceAsync("patch", TestManifests.ShortName, name, "--subresource=status", "--type", "merge", "-p", TestManifests.ReadyCondition(status))).ShouldSucceed();
}
