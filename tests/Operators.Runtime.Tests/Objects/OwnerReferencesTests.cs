using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Objects;

namespace Operators.Runtime.Tests.Objects;

[TestFixture]
public sealed class OwnerReferencesTests
{
    private static V1Deployment Owner(string name = "agent", string uid = "uid-1", string ns = "ops") =>
        new() { Metadata = new V1ObjectMeta { Name = name, Uid = uid, NamespaceProperty = ns } };

    private static V1ConfigMap Child(string ns = "ops") => new() { Metadata = new V1ObjectMeta { Name = "child", NamespaceProperty = ns } };

    [Test]
    public void SetController_AddsAControllerReferenceThatBlocksOwnerDeletion()
    {
        var child = Child();

        OwnerReferences.SetController(Owner(), child).Should().BeTrue();

        child.Metadata.OwnerReferences.Should().ContainSingle().Which.Should().BeEquivalentTo(new V1OwnerReference
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Name = "agent",
            Uid = "uid-1",
            Controller = true,
            BlockOwnerDeletion = true,
        });
        OwnerReferences.IsControlledBy(child, Owner()).Should().BeTrue();
        OwnerReferences.GetController(child)!.Name.Should().Be("agent");
    }

    [Test]
    public void SetController_Twice_ChangesNothingTheSecondTime()
    {
        var child = Child();
        OwnerReferences.SetController(Owner(), child);

        OwnerReferences.SetController(Owner(), child).Should().BeFalse();

        child.Metadata.OwnerReferences.Should().ContainSingle();
    }

    [Test]
    public void SetController_ForARecreatedOwner_ReplacesTheReference()
    {
        var child = Child();
        OwnerReferences.SetController(Owner(uid: "old"), child);

        OwnerReferences.SetController(Owner(uid: "new"), child).Should().BeTrue();

        child.Metadata.OwnerReferences.Should().ContainSingle().Which.Uid.Should().Be("new");
    }

    [Test]
    public void SetController_KeepsNonControllingReferences()
    {
        var child = Child();
        child.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "Secret", Name = "s", Uid = "u" }];

        OwnerReferences.SetController(Owner(), child);

        child.Metadata.OwnerReferences.Select(r => r.Kind).Should().Equal("Secret", "Deployment");
    }

    [Test]
    public void SetController_WhenAnotherControllerOwnsTheObject_ThrowsAndChangesNothing()
    {
        var child = Child();
        OwnerReferences.SetController(Owner(name: "first", uid: "u1"), child);

        var set = () => OwnerReferences.SetController(Owner(name: "second", uid: "u2"), child);

        set.Should().Throw<AlreadyControlledException>().Which.Existing!.Name.Should().Be("first");
        OwnerReferences.IsControlledBy(child, Owner(name: "first", uid: "u1")).Should().BeTrue();
        OwnerReferences.IsControlledBy(child, Owner(name: "second", uid: "u2")).Should().BeFalse();
    }

    [TestCase("ops", "other", TestName = "SetController_AcrossNamespaces_Throws")]
    [TestCase("ops", "", TestName = "SetController_FromANamespacedOwnerToAClusterScopedObject_Throws")]
    public void SetController_WithForbiddenNamespaces_Throws(string ownerNamespace, string childNamespace)
    {
        var set = () => OwnerReferences.SetController(Owner(ns: ownerNamespace), Child(childNamespace));

        set.Should().Throw<ArgumentException>();
    }

    [Test]
    public void SetController_FromAClusterScopedOwner_IsAllowed()
    {
        var owner = new V1Namespace { Metadata = new V1ObjectMeta { Name = "ops", Uid = "ns-uid" } };

        OwnerReferences.SetController(owner, Child()).Should().BeTrue();
    }

    [Test]
    public void SetController_WithAnOwnerWithoutUid_Throws()
    {
        var set = () => OwnerReferences.SetController(Owner(uid: ""), Child());

        set.Should().Throw<ArgumentException>().WithMessage("*uid*");
    }

    [Test]
    public void GetController_WithoutReferences_IsNull()
    {
        OwnerReferences.GetController(Child()).Should().BeNull();
        OwnerReferences.IsControlledBy(Child(), Owner()).Should().BeFalse();
    }
}
