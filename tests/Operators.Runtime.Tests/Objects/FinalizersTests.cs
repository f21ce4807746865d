using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Objects;

namespace Operators.Runtime.Tests.Objects;

[TestFixture]
public sealed class FinalizersTests
{
    private const string Finalizer = "openstack.operators.dev/cleanup";

    [Test]
    public void Add_OnAnObjectWithoutMetadata_AddsOnce()
    {
        var map = new V1ConfigMap();

        Finalizers.Add(map, Finalizer).Should().BeTrue();
        Finalizers.Add(map, Finalizer).Should().BeFalse();

        map.Metadata.Finalizers.Should().Equal(Finalizer);
        Finalizers.Has(map, Finalizer).Should().BeTrue();
    }

    [Test]
    public void Add_ToAFixedSizeList_AsTheCacheKeepsThem_ReplacesTheList()
    {
        string[] cached = ["kubernetes"];
        var map = new V1ConfigMap { Metadata = new V1ObjectMeta { Finalizers = cached } };

        Finalizers.Add(map, Finalizer).Should().BeTrue();

        map.Metadata.Finalizers.Should().Equal("kubernetes", Finalizer);
        cached.Should().Equal("kubernetes");
    }

    [Test]
    public void Remove_RemovesEveryOccurrenceAndKeepsOthers()
    {
        var map = new V1ConfigMap { Metadata = new V1ObjectMeta { Finalizers = [Finalizer, "kubernetes", Finalizer] } };

        Finalizers.Remove(map, Finalizer).Should().BeTrue();
        Finalizers.Remove(map, Finalizer).Should().BeFalse();

        map.Metadata.Finalizers.Should().Equal("kubernetes");
    }

    [Test]
    public void HasAndRemove_OnAnObjectWithoutFinalizers_AreFalse()
    {
        var map = new V1ConfigMap();

        Finalizers.Has(map, Finalizer).Should().BeFalse();
        Finalizers.Remove(map, Finalizer).Should().BeFalse();
    }

    [TestCase("")]
    [TestCase("has space/cleanup")]
    [TestCase("Example.COM/cleanup")]
    [TestCase("example.com/")]
    public void Add_WithAnInvalidName_Throws(string finalizer)
    {
        var add = () => Finalizers.Add(new V1ConfigMap(), finalizer);

        add.Should().Throw<ArgumentException>();
    }
}
