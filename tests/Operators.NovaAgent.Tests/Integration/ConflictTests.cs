using FluentAssertions;
using k8s.Models;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Tests.Support;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Tests.Integration;

/// <summary>Objects the NovaAgent does not control are never touched; a changed host renders nothing.</summary>
public sealed class ConflictTests : OperatorTestBase
{
    [Test]
    public async Task AForeignConfigMapOfTheSameName_GivesOwnershipConflict_IsLeftAlone_AndResolvesWhenDeleted()
    {
        var foreign = await Api.For<V1ConfigMap>().CreateAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = ChildName, NamespaceProperty = Namespace, Labels = new Dictionary<string, string> { ["owner"] = "someone-else" } },
            Data = new Dictionary<string, string> { ["nova.conf"] = "[DEFAULT]\n" },
        });

        await CreateAgentAsync();

        var agent = await WaitForReadyReasonAsync(NovaAgentConditions.OwnershipConflict);
        Conditions.Find(agent.Status!.Conditions, NovaAgentConditions.Ready)!.Message.Should().Contain($"ConfigMap {ChildName}");
        (await WaitForEventAsync(NovaAgentConditions.OwnershipConflict)).Type.Should().Be("Warning");
        var untouched = (await FindConfigMapAsync())!;
        untouched.Metadata.ResourceVersion.Should().Be(foreign.Metadata.ResourceVersion);
        untouched.Metadata.OwnerReferences.Should().BeNullOrEmpty();
        (await FindDeploymentAsync()).Should().BeNull("nothing is rendered beside a foreign child");

        await Api.For<V1ConfigMap>().DeleteAsync(ChildName, Namespace);

        await WaitForReadyReasonAsync(NovaAgentConditions.Available);
        var rendered = (await FindConfigMapAsync())!;
        rendered.Metadata.OwnerReferences.Should().ContainSingle().Which.Uid.Should().Be(agent.Metadata.Uid);
    }

    [Test]
    public async Task ADeploymentControlledBySomethingElse_GivesOwnershipConflict_AndIsLeftAlone()
    {
        var owner = await Api.For<V1ConfigMap>().CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "other", NamespaceProperty = Namespace } });
        var foreign = await Api.For<V1Deployment>().CreateAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta
            {
                Name = ChildName,
                NamespaceProperty = Namespace,
                OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "other", Uid = owner.Metadata.Uid, Controller = true }],
            },
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "other" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "other" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "other", Image = "other:1" }] },
                },
            },
        });

        await CreateAgentAsync();

        var agent = await WaitForReadyReasonAsync(NovaAgentConditions.OwnershipConflict);
        Conditions.Find(agent.Status!.Conditions, NovaAgentConditions.Ready)!.Message.Should().Contain($"Deployment {ChildName} is controlled by ConfigMap other");
        (await FindDeploymentAsync())!.Metadata.Generation.Should().Be(foreign.Metadata.Generation);
        (await FindDeploymentAsync())!.Spec.Template.Spec.Containers.Should().ContainSingle().Which.Name.Should().Be("other");
        (await FindConfigMapAsync()).Should().BeNull();
    }

    [Test]
    public async Task AChangedHost_GivesInvalidSpec_AndRendersNothing_UntilItIsSetBack()
    {
        await CreateAgentAsync();
        await WaitForReadyReasonAsync(NovaAgentConditions.Available);
        var deploymentBefore = (await FindDeploymentAsync())!;
        var configMapBefore = (await FindConfigMapAsync())!;

        await PatchAgentAsync("""{"spec":{"host":"node002-bb091"}}""");

        var agent = await WaitForReadyReasonAsync(NovaAgentConditions.InvalidSpec);
        Conditions.Find(agent.Status!.Conditions, NovaAgentConditions.Ready)!.Message.Should().StartWith("spec.host is immutable");
        agent.Status.DeploymentName.Should().Be(ChildName);
        (await WaitForEventAsync(NovaAgentConditions.InvalidSpec)).Type.Should().Be("Warning");
        (await FindDeploymentAsync("nova-compute-node002-bb091")).Should().BeNull();
        (await FindConfigMapAsync("nova-compute-node002-bb091")).Should().BeNull();
        (await FindDeploymentAsync())!.Metadata.ResourceVersion.Should().Be(deploymentBefore.Metadata.ResourceVersion);
        (await FindConfigMapAsync())!.Metadata.ResourceVersion.Should().Be(configMapBefore.Metadata.ResourceVersion);

        await PatchAgentAsync($$$"""{"spec":{"host":"{{{Host}}}"}}""");

        await WaitForReadyReasonAsync(NovaAgentConditions.Available);
    }
}
