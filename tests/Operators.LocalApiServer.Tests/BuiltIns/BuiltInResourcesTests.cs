using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class BuiltInResourcesTests
{
    [TestCase("", "namespaces", false)]
    [TestCase("", "configmaps", false)]
    [TestCase("", "secrets", false)]
    [TestCase("", "services", false)]
    [TestCase("", "events", false)]
    [TestCase("events.k8s.io", "events", false)]
    [TestCase("coordination.k8s.io", "leases", false)]
    [TestCase("apps", "deployments", true)]
    [TestCase("apiextensions.k8s.io", "customresourcedefinitions", true)]
    [TestCase("", "serviceaccounts", false)]
    [TestCase("rbac.authorization.k8s.io", "roles", false)]
    [TestCase("policy", "poddisruptionbudgets", true)]
    [TestCase("networking.k8s.io", "networkpolicies", true)]
    public void TracksGeneration_OnlyForKindsKubeApiServerKeepsItFor(string group, string plural, bool tracks)
    {
        var resource = BuiltInResources.All.Single(r => r.Group == group && r.Plural == plural);

        resource.Behavior.TracksGeneration.Should().Be(tracks);
    }

    [TestCase("namespaces", false)]
    [TestCase("customresourcedefinitions", false)]
    [TestCase("configmaps", true)]
    [TestCase("leases", true)]
    [TestCase("clusterroles", false)]
    [TestCase("clusterrolebindings", false)]
    [TestCase("roles", true)]
    [TestCase("rolebindings", true)]
    [TestCase("serviceaccounts", true)]
    public void Namespaced_MatchesTheScopeOfTheKind(string plural, bool namespaced)
    {
        BuiltInResources.All.First(r => r.Plural == plural).Namespaced.Should().Be(namespaced);
    }

    [Test]
    public void All_ServesEachGroupVersionResourceOnce()
    {
        BuiltInResources.All.Select(r => (r.Group, r.Version, r.Plural)).Should().OnlyHaveUniqueItems().And.HaveCount(16);
    }

    [Test]
    public void Events_AreServedByBothApisWithTheSameKind()
    {
        BuiltInResources.CoreEvents.ApiVersion.Should().Be("v1");
        BuiltInResources.Events.ApiVersion.Should().Be("events.k8s.io/v1");
        BuiltInResources.Events.ListKind.Should().Be(BuiltInResources.CoreEvents.ListKind).And.Be("EventList");
    }

    [Test]
    public void CustomResourceDefinitions_ApplyV1Defaults_AndAreValidatedByTheCrdRules()
    {
        var crd = TestJson.Parse("""
            {"metadata":{"name":"bbs.example.com"},"spec":{"group":"example.com","names":{"plural":"bbs","kind":"BB"},
             "conversion":{"webhook":{"clientConfig":{"service":{"name":"s","namespace":"n"}}}}}}
            """);
        var behavior = BuiltInResources.CustomResourceDefinitions.Behavior;

        behavior.ApplyDefaults(crd);

        crd.At("spec.names.listKind")!.GetValue<string>().Should().Be("BBList");
        crd.At("spec.conversion.strategy")!.GetValue<string>().Should().Be("None");
        crd.At("spec.conversion.webhook.clientConfig.service.port")!.GetValue<int>().Should().Be(443);
        behavior.Validate(crd, null).Should().Contain(c => c.Field == "spec.versions" && c.Reason == "FieldValueInvalid",
            "a CRD without versions is rejected");
    }
}
