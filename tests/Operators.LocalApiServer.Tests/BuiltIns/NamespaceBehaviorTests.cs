using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class NamespaceBehaviorTests
{
    private readonly NamespaceBehavior _behavior = new();

    [Test]
    public void ApplyDefaults_ForNewNamespace_AddsNameLabelFinalizerAndActivePhase()
    {
        var ns = TestJson.Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"conf-b","labels":{"team":"x"}}}""");

        _behavior.ApplyDefaults(ns);

        ns.ToJsonString().Should().Be(
            """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"conf-b","labels":{"team":"x","kubernetes.io/metadata.name":"conf-b"}},"spec":{"finalizers":["kubernetes"]},"status":{"phase":"Active"}}""");
    }

    [Test]
    public void ApplyDefaults_WithChangedNameLabel_RestoresIt()
    {
        var ns = TestJson.Parse("""{"metadata":{"name":"a","labels":{"kubernetes.io/metadata.name":"b"}},"status":{"phase":"Terminating"}}""");

        _behavior.ApplyDefaults(ns);

        ns.At("metadata.labels")!.ToJsonString().Should().Be("""{"kubernetes.io/metadata.name":"a"}""");
        ns.At("status.phase")!.GetValue<string>().Should().Be("Terminating");
    }

    [Test]
    public void ApplyDefaults_WithOnlyGenerateName_AddsNoLabel()
    {
        var ns = TestJson.Parse("""{"metadata":{"generateName":"gen-"}}""");

        _behavior.ApplyDefaults(ns);

        ns.At("metadata.labels").Should().BeNull();
    }

    [TestCase("conf-b", 0)]
    [TestCase("123-abc", 0)]
    [TestCase("with.dot", 1)]
    [TestCase("UPPER", 1)]
    public void Validate_NamespaceName_MustBeADnsLabel(string name, int causeCount)
    {
        var ns = TestJson.Parse("""{"metadata":{"name":"@0@"}}""".Replace("@0@", name));
        _behavior.ApplyDefaults(ns);

        _behavior.Validate(ns, null).Should().HaveCount(causeCount);
    }

    [Test]
    public void Validate_NameWithDots_SaysDotsAreNotAllowed()
    {
        var ns = TestJson.Parse("""{"metadata":{"name":"with.dot"}}""");

        _behavior.Validate(ns, null).Single().Message.Should().Be("Invalid value: \"with.dot\": must not contain dots");
    }

    [Test]
    public void Validate_WithUnqualifiedSpecFinalizer_ReportsIt()
    {
        var ns = TestJson.Parse("""{"metadata":{"name":"a"},"spec":{"finalizers":["custom"]}}""");

        _behavior.Validate(ns, null).ReasonsAndFields().Should().Equal(("FieldValueInvalid", "spec.finalizers"));
    }
}
