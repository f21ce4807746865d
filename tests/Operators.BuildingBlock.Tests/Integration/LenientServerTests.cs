using FluentAssertions;
using k8s.Models;
using Operators.Api.BuildingBlocks;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock.Tests.Integration;

/// <summary>
/// A server whose BuildingBlock CRD lacks the hosts list-map rule (an older CRD, or a server that does
/// not check it) accepts a duplicate host; the reconciler catches it.
/// </summary>
public sealed class LenientServerTests : OperatorTestBase
{
    [Test]
    public async Task Reconcile_ADuplicateHostTheServerAccepted_IsInvalidSpecNamingTheField_UntilFixed()
    {
        var block = TestObjects.Block();
        block.Spec.Hosts!.Insert(2, new BuildingBlockHost { Name = "node001-bb091" });
        await CreateBlockAsync(block);

        var invalid = await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.InvalidSpec);

        Conditions.Find(invalid.Status!.Conditions, BuildingBlockConditions.Ready)!.Message.Should().Be("spec.hosts[2].name: duplicate host \"node001-bb091\"");
        (await ListAgentsAsync()).Should().BeEmpty();
        (await WaitForEventsAsync(EventReasons.InvalidSpec)).Should().ContainSingle();

        await Blocks.PatchAsync("bb091", Runtime.Client.ResourcePatch.Json("""[{"op":"remove","path":"/spec/hosts/2"}]"""), Ns);

        await WaitForAgentsAsync("node001-bb091", "node002-bb091", "node003-bb091", "node004-bb091");
    }

    /// <inheritdoc />
    protected override V1CustomResourceDefinition BuildingBlockCrd()
    {
        var crd = base.BuildingBlockCrd();
        var hosts = crd.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"].Properties["hosts"];
        hosts.XKubernetesListType = null;
        hosts.XKubernetesListMapKeys = null;
        return crd;
    }
}
