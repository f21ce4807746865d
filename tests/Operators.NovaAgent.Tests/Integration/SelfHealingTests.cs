using FluentAssertions;
using k8s.Models;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Tests.Support;
using Operators.Runtime.Client;

namespace Operators.NovaAgent.Tests.Integration;

/// <summary>Children deleted or edited by hand come back as rendered; the NovaAgent's deletion takes them along.</summary>
public sealed class SelfHealingTests : OperatorTestBase
{
    [Test]
    public async Task AHandDeletedDeployment_ComesBack()
    {
        await CreateAgentAsync();
        await WaitForReadyReasonAsync(NovaAgentConditions.Available);
        var original = (await FindDeploymentAsync())!;

        await Api.For<V1Deployment>().DeleteAsync(ChildName, Namespace);

        var recreated = await WaitForDeploymentAsync(d => d.Metadata.Uid != original.Metadata.Uid, "a new Deployment exists");
        recreated.Spec.Template.Metadata.Annotations.Should().BeEquivalentTo(original.Spec.Template.Metadata.Annotations);
        await WaitForReadyReasonAsync(NovaAgentConditions.Available);
    }

    [Test]
    public async Task AHandDeletedConfigMap_ComesBack()
    {
        await CreateAgentAsync();
        await WaitForReadyReasonAsync(NovaAgentConditions.Available);
        var original = (await FindConfigMapAsync())!;

        await Api.For<V1ConfigMap>().DeleteAsync(ChildName, Namespace);

        var recreated = await Eventually.GetAsync(
            async () => await FindConfigMapAsync() is { } c && c.Metadata.Uid != original.Metadata.Uid ? c : null, "a new ConfigMap exists");
        recreated.Data.Should().BeEquivalentTo(original.Data);
    }

    [Test]
    public async Task AHandEditedDeployment_IsRestored()
    {
        await CreateAgentAsync();
        await WaitForReadyReasonAsync(NovaAgentConditions.Available);

        await Api.For<V1Deployment>().PatchAsync(
            ChildName,
            ResourcePatch.StrategicMerge("""{"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"nova-compute","env":[{"name":"DEBUG","value":"1"}]}]}}}}"""),
            Namespace);

        var restored = await WaitForDeploymentAsync(
            d => d.Spec.Replicas == 1 && d.Spec.Template.Spec.Containers[0].Env is null, "the Deployment is back to 1 replica without env");
        restored.Spec.Template.Spec.Containers.Should().ContainSingle();
        await WaitForReadyReasonAsync(NovaAgentConditions.Available);
    }

    [Test]
    public async Task DeletingTheNovaAgent_GarbageCollectsItsChildren()
    {
        await CreateAgentAsync();
        await WaitForReadyReasonAsync(NovaAgentConditions.Available);

        await Api.For<V1Alpha1NovaAgent>().DeleteAsync(Host, Namespace);

        await Eventually.HoldsAsync(
            async () => await FindDeploymentAsync() is null && await FindConfigMapAsync() is null, "both children are gone");
    }
}
