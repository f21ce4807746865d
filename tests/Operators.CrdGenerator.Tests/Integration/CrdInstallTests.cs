using FluentAssertions;
using k8s.Models;
using Operators.Api.BuildingBlocks;
using Operators.CrdGenerator.Tests.TestTypes;

namespace Operators.CrdGenerator.Tests.Integration;

public sealed class CrdInstallTests : ApiServerFixture
{
    [TestCaseSource(nameof(ResourceTypes))]
    public async Task GeneratedCrd_IsAcceptedEstablishedAndServed(Type resource)
    {
        var name = CustomResourceDefinitions.Generate(resource).Metadata.Name;

        var stored = await Api.For<V1CustomResourceDefinition>().GetAsync(name);

        stored.Status.Conditions.Should().Contain(c => c.Type == "Established" && c.Status == "True");
        stored.Status.Conditions.Should().Contain(c => c.Type == "NamesAccepted" && c.Status == "True");
    }

    [Test]
    public async Task GeneratedCrd_RoundTripsTypedObjectsThroughTheRuntimeClient()
    {
        var block = new V1Alpha1BuildingBlock
        {
            Metadata = new V1ObjectMeta { Name = "typed", NamespaceProperty = "default" },
            Spec = new BuildingBlockSpec { AvailabilityZone = "qa-de-1a", AgentTemplate = new AgentTemplate { Image = "nova:1" } },
        };

        var created = await Api.For<V1Alpha1BuildingBlock>().CreateAsync(block);

        created.Spec.Hosts.Should().BeEmpty();
        created.Spec.AgentTemplate.ComputeDriver.Should().Be("libvirt.LibvirtDriver");
        (await Api.For<V1Alpha1BuildingBlock>().ListAsync("default")).Items.Should().ContainSingle(b => b.Metadata.Name == "typed");
    }

    [Test]
    public async Task GeneratedCrd_OfTheTestWidget_WithEveryMappingIsAcceptedAndServed()
    {
        var crd = CustomResourceDefinitions.Generate(typeof(V1Widget));

        await Api.For<V1CustomResourceDefinition>().CreateAsync(crd);

        await WaitUntilServedAsync(crd);
    }
}
