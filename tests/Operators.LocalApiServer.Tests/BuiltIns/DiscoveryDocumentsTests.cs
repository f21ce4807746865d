using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class DiscoveryDocumentsTests
{
    private static readonly ResourceType BuildingBlocks = new()
    {
        Group = "conformance.operators.dev",
        Version = "v1alpha1",
        Kind = "BuildingBlock",
        Plural = "buildingblocks",
        Singular = "buildingblock",
        Namespaced = true,
        ShortNames = ["bb"],
        Categories = ["conformance"],
        HasStatus = true,
        Verbs = ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"],
        Behavior = new CustomResourceDefinitionBehavior(),
    };

    [Test]
    public void ApiVersions_ListsOnlyV1()
    {
        var document = DiscoveryDocuments.ApiVersions();

        document.ToJsonString().Should().Be("""{"kind":"APIVersions","versions":["v1"]}""");
    }

    [Test]
    public void ApiVersions_WithServerAddress_AddsItForEveryClient()
    {
        var document = DiscoveryDocuments.ApiVersions("127.0.0.1:6443");

        document.At("serverAddressByClientCIDRs.0.serverAddress")!.GetValue<string>().Should().Be("127.0.0.1:6443");
        document.At("serverAddressByClientCIDRs.0.clientCIDR")!.GetValue<string>().Should().Be("0.0.0.0/0");
    }

    [Test]
    public void ResourceList_ForCoreV1_ListsConfigMapsAsKubeApiServerDoes()
    {
        var document = DiscoveryDocuments.ResourceList(BuiltInResources.All, "", "v1")!;

        document["kind"]!.GetValue<string>().Should().Be("APIResourceList");
        document["groupVersion"]!.GetValue<string>().Should().Be("v1");
        document.ContainsKey("apiVersion").Should().BeFalse("kube-apiserver writes no apiVersion on /api/v1");
        var configMaps = Find(document, "configmaps");
        configMaps.Remove("storageVersionHash");
        configMaps.ToJsonString().Should().Be(
            """{"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["cm"]}""");
    }

    [TestCase("namespaces", "namespaced", "false")]
    [TestCase("namespaces", "shortNames", """["ns"]""")]
    [TestCase("namespaces", "verbs", """["create","delete","get","list","patch","update","watch"]""")]
    [TestCase("namespaces/status", "kind", "\"Namespace\"")]
    [TestCase("namespaces/finalize", "verbs", """["update"]""")]
    [TestCase("events", "shortNames", """["ev"]""")]
    [TestCase("services", "shortNames", """["svc"]""")]
    [TestCase("services", "categories", """["all"]""")]
    [TestCase("services/status", "verbs", """["get","patch","update"]""")]
    [TestCase("secrets", "verbs", """["create","delete","deletecollection","get","list","patch","update","watch"]""")]
    [TestCase("configmaps", "storageVersionHash", "\"qFsyl6wFWjQ=\"")]
    [TestCase("events", "storageVersionHash", "\"r2yiGXH7wu8=\"")]
    public void ResourceList_ForCoreV1_HasTheRecordedField(string resource, string field, string expectedJson)
    {
        var document = DiscoveryDocuments.ResourceList(BuiltInResources.All, "", "v1")!;

        Find(document, resource)[field]!.ToJsonString().Should().Be(expectedJson);
    }

    [Test]
    public void ResourceList_ForCoreV1_OmitsShortNamesOfSecrets()
    {
        var document = DiscoveryDocuments.ResourceList(BuiltInResources.All, "", "v1")!;

        Find(document, "secrets").ContainsKey("shortNames").Should().BeFalse();
    }

    [Test]
    public void ResourceList_ForCoreV1_SortsResourcesByName()
    {
        var document = DiscoveryDocuments.ResourceList(BuiltInResources.All, "", "v1")!;

        Names(document).Should().Equal(
            "configmaps", "events", "namespaces", "namespaces/finalize", "namespaces/status", "secrets", "serviceaccounts", "services", "services/status");
    }

    [Test]
    public void ResourceList_ForAppsV1_ListsDeploymentsWithStatusAndScale()
    {
        var document = DiscoveryDocuments.ResourceList(BuiltInResources.All, "apps", "v1")!;

        document["apiVersion"]!.GetValue<string>().Should().Be("v1");
        document["groupVersion"]!.GetValue<string>().Should().Be("apps/v1");
        var deployments = Find(document, "deployments");
        deployments["storageVersionHash"]!.GetValue<string>().Should().Be("8aSe+NMegvE=");
        deployments.Remove("storageVersionHash");
        deployments.ToJsonString().Should().Be(
            """{"name":"deployments","singularName":"deployment","namespaced":true,"kind":"Deployment","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["deploy"],"categories":["all"]}""");
        Find(document, "deployments/status").ToJsonString().Should().Be(
            """{"name":"deployments/status","singularName":"","namespaced":true,"kind":"Deployment","verbs":["get","patch","update"]}""");
        Find(document, "deployments/scale").ToJsonString().Should().Be(
            """{"name":"deployments/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale","verbs":["get","patch","update"]}""");
    }

    [Test]
    public void ResourceList_ForCoordinationV1_ListsLeasesWithoutShortNames()
    {
        var document = DiscoveryDocuments.ResourceList(BuiltInResources.All, "coordination.k8s.io", "v1")!;

        var leases = Find(document, "leases");
        leases.Remove("storageVersionHash");
        leases.ToJsonString().Should().Be(
            """{"name":"leases","singularName":"lease","namespaced":true,"kind":"Lease","verbs":["create","delete","deletecollection","get","list","patch","update","watch"]}""");
    }

    [Test]
    public void ResourceList_ForApiExtensionsV1_ListsCrdsWithShortNamesAndStatus()
    {
        var document = DiscoveryDocuments.ResourceList(BuiltInResources.All, "apiextensions.k8s.io", "v1")!;

        var crds = Find(document, "customresourcedefinitions");
        crds["shortNames"]!.ToJsonString().Should().Be("""["crd","crds"]""");
        crds["namespaced"]!.GetValue<bool>().Should().BeFalse();
        Names(document).Should().Equal("customresourcedefinitions", "customresourcedefinitions/status");
    }

    [Test]
    public void ResourceList_ForCustomResourceWithStatus_ListsItAsTheCrdSaysAndAddsStatus()
    {
        var resources = BuiltInResources.All.Append(BuildingBlocks).ToList();

        var document = DiscoveryDocuments.ResourceList(resources, "conformance.operators.dev", "v1alpha1")!;

        var main = Find(document, "buildingblocks");
        main.Remove("storageVersionHash");
        main.ToJsonString().Should().Be(
            """{"name":"buildingblocks","singularName":"buildingblock","namespaced":true,"kind":"BuildingBlock","verbs":["delete","deletecollection","get","list","patch","create","update","watch"],"shortNames":["bb"],"categories":["conformance"]}""");
        Find(document, "buildingblocks/status").ToJsonString().Should().Be(
            """{"name":"buildingblocks/status","singularName":"","namespaced":true,"kind":"BuildingBlock","verbs":["get","patch","update"]}""");
    }

    [TestCase("nosuchgroup.example.com", "v1")]
    [TestCase("apps", "v2")]
    public void ResourceList_ForUnservedGroupVersion_IsNull(string group, string version)
    {
        DiscoveryDocuments.ResourceList(BuiltInResources.All, group, version).Should().BeNull();
    }

    [Test]
    public void GroupList_ListsAppsWithItsOnlyVersionPreferred()
    {
        var document = DiscoveryDocuments.GroupList(BuiltInResources.All);

        document["kind"]!.GetValue<string>().Should().Be("APIGroupList");
        Group(document, "apps").ToJsonString().Should().Be(
            """{"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}}""");
    }

    [Test]
    public void GroupList_ListsBuiltInGroupsInKubeOrderThenCustomGroupsAlphabetically()
    {
        var zeta = BuildingBlocks with { Group = "zeta.example.com" };
        var resources = BuiltInResources.All.Append(zeta).Append(BuildingBlocks).ToList();

        var names = DiscoveryDocuments.GroupList(resources)["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>());

        names.Should().Equal("apps", "events.k8s.io", "networking.k8s.io", "policy", "rbac.authorization.k8s.io", "apiextensions.k8s.io", "coordination.k8s.io",
            "conformance.operators.dev", "zeta.example.com");
    }

    [Test]
    public void GroupList_WithSeveralVersions_PrefersTheMostStable()
    {
        var resources = new[] { "v1alpha1", "v1", "v2beta1" }.Select(v => BuildingBlocks with { Version = v }).ToList();

        var group = Group(DiscoveryDocuments.GroupList(resources), "conformance.operators.dev");

        group["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<string>()).Should().Equal("v1", "v2beta1", "v1alpha1");
        group.At("preferredVersion.groupVersion")!.GetValue<string>().Should().Be("conformance.operators.dev/v1");
    }

    [Test]
    public void Group_ForApps_IsAnApiGroupDocument()
    {
        var document = DiscoveryDocuments.Group(BuiltInResources.All, "apps")!;

        document["kind"]!.GetValue<string>().Should().Be("APIGroup");
        document["name"]!.GetValue<string>().Should().Be("apps");
        document.At("preferredVersion.version")!.GetValue<string>().Should().Be("v1");
    }

    [TestCase("")]
    [TestCase("nosuchgroup.example.com")]
    public void Group_ForUnservedGroup_IsNull(string group)
    {
        DiscoveryDocuments.Group(BuiltInResources.All, group).Should().BeNull();
    }

    private static JsonObject Find(JsonObject document, string name) =>
        document["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == name)!.AsObject();

    private static JsonObject Group(JsonObject document, string name) =>
        document["groups"]!.AsArray().Single(g => g!["name"]!.GetValue<string>() == name)!.AsObject();

    private static IEnumerable<string> Names(JsonObject document) =>
        document["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>());
}
