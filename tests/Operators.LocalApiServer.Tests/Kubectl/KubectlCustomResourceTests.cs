using System.Text.Json.Nodes;
using FluentAssertions;

namespace Operators.LocalApiServer.Tests.Kubectl;

public sealed class KubectlCustomResourceTests : CustomResourceFixture
{
    [Test]
    public async Task Apply_CustomResourceDefinition_ServesTheKindWithShortNameAndCategory()
    {
        CrdApplied.StdOut.Should().Contain($"customresourcedefinition.apiextensions.k8s.io/{TestManifests.CrdName} created");

        var resources = (await Kubectl.RunAsync("api-resources", "--api-group=" + TestManifests.Group, "-o", "wide")).ShouldSucceed();
        var row = KubectlTable.Parse(resources.StdOut).Row("buildingblocks");
        row["SHORTNAMES"].Should().Be(TestManifests.ShortName);
        row["KIND"].Should().Be("BuildingBlock");
        row["NAMESPACED"].Should().Be("true");
        row["CATEGORIES"].Should().Be(TestManifests.Category);

        var again = (await Kubectl.RunAsync("apply", "-f", WriteManifest(TestManifests.CustomResourceDefinition))).ShouldSucceed();
        again.StdOut.Should().Contain("unchanged");
    }

    [Test]
    public async Task Apply_CustomResource_CreatesItWithSchemaDefaults()
    {
        var applied = (await ApplyAsync(TestManifests.BuildingBlock("az1", "az-one"))).ShouldSucceed();

        applied.StdOut.Should().Contain($"buildingblock.{TestManifests.Group}/az1 created");
        var spec = (await GetJsonAsync("az1"))["spec"]!;
        spec["replicas"]!.GetValue<int>().Should().Be(1);
        spec["agentTemplate"]!["computeDriver"]!.GetValue<string>().Should().Be("libvirt.LibvirtDriver");
    }

    [Test]
    public async Task Apply_ChangedCustomResource_PatchesItWithAMergePatch()
    {
        await ApplyBuildingBlockAsync("az1", image: "agent:1");
        var patchesBefore = Server.Requests.Get("patch", "buildingblocks");

        var changed = (await ApplyAsync(TestManifests.BuildingBlock("az1", "az-one", image: "agent:2"), "-v=8")).ShouldSucceed();

        changed.StdOut.Should().Contain($"buildingblock.{TestManifests.Group}/az1 configured");
        changed.StdErr.Should().Contain("Content-Type: application/merge-patch+json");
        Server.Requests.Get("patch", "buildingblocks").Should().Be(patchesBefore + 1);
        var obj = await GetJsonAsync("az1");
        obj["spec"]!["agentTemplate"]!["image"]!.GetValue<string>().Should().Be("agent:2");
        obj["spec"]!["agentTemplate"]!["computeDriver"]!.GetValue<string>().Should().Be("libvirt.LibvirtDriver");
        obj["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
        obj["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]!.GetValue<string>().Should().Contain("agent:2");
    }

    [Test]
    public async Task Get_ByShortName_ShowsPrinterColumns()
    {
        await ApplyBuildingBlockAsync("az1", "az-one", "agent:7");
        await SetReadyAsync("az1", "True");

        var listed = (await RunInNamespaceAsync("get", TestManifests.ShortName)).ShouldSucceed();

        var table = KubectlTable.Parse(listed.StdOut);
        table.Headers.Should().Equal("NAME", "ZONE", "IMAGE", "READY", "AGE");
        var row = table.Row("az1");
        row["ZONE"].Should().Be("az-one");
        row["IMAGE"].Should().Be("agent:7");
        row["READY"].Should().Be("True");
        row["AGE"].Should().MatchRegex("^[0-9]+s$");
    }

    [Test]
    public async Task Get_ByCategory_ListsTheCustomResource()
    {
        await ApplyBuildingBlockAsync("az1");

        var listed = (await RunInNamespaceAsync("get", TestManifests.Category, "-o", "name")).ShouldSucceed();

        listed.StdOut.Trim().Should().Be($"buildingblock.{TestManifests.Group}/az1");
    }

    [Test]
    public async Task Get_AsYaml_ShowsFieldsAndDefaults()
    {
        await ApplyBuildingBlockAsync("az1");

        var yaml = (await RunInNamespaceAsync("get", TestManifests.ShortName, "az1", "-o", "yaml")).ShouldSucceed().StdOut;

        yaml.Should().Contain($"apiVersion: {TestManifests.Group}/v1alpha1")
            .And.Contain("kind: BuildingBlock")
            .And.Contain($"namespace: {Ns}")
            .And.Contain("availabilityZone: az-one")
            .And.Contain("image: agent:1")
            .And.Contain("computeDriver: libvirt.LibvirtDriver")
            .And.Contain("replicas: 1");
    }

    [Test]
    public async Task Get_AsJson_ShowsFieldsAndDefaults()
    {
        await ApplyBuildingBlockAsync("az1", "az-two");

        var obj = await GetJsonAsync("az1");

        obj["kind"]!.GetValue<string>().Should().Be("BuildingBlock");
        obj["metadata"]!["name"]!.GetValue<string>().Should().Be("az1");
        obj["metadata"]!["uid"]!.GetValue<string>().Should().NotBeEmpty();
        obj["spec"]!["availabilityZone"]!.GetValue<string>().Should().Be("az-two");
        obj["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
        obj["spec"]!["agentTemplate"]!["computeDriver"]!.GetValue<string>().Should().Be("libvirt.LibvirtDriver");
    }

    [Test]
    public async Task Describe_CustomResource_ShowsItsFields()
    {
        await ApplyBuildingBlockAsync("az1");
        await SetReadyAsync("az1", "False");

        var described = (await RunInNamespaceAsync("describe", TestManifests.ShortName, "az1")).ShouldSucceed().StdOut;

        described.Should().MatchRegex(@"Name:\s+az1")
            .And.MatchRegex($@"Namespace:\s+{Ns}")
            .And.MatchRegex(@"Kind:\s+BuildingBlock")
            .And.MatchRegex(@"Availability Zone:\s+az-one")
            .And.MatchRegex(@"Compute Driver:\s+libvirt.LibvirtDriver")
            .And.MatchRegex(@"Image:\s+agent:1")
            .And.MatchRegex(@"Type:\s+Ready")
            .And.Contain("Events:");
    }

    [Test]
    public async Task Patch_MergeOnSpec_ChangesTheFieldAndBumpsGeneration()
    {
        await ApplyBuildingBlockAsync("az1");

        var patched = (await RunInNamespaceAsync("patch", TestManifests.ShortName, "az1", "--type", "merge", "-p", """{"spec":{"replicas":3}}""")).ShouldSucceed();

        patched.StdOut.Should().Contain($"buildingblock.{TestManifests.Group}/az1 patched");
        var obj = await GetJsonAsync("az1");
        obj["spec"]!["replicas"]!.GetValue<int>().Should().Be(3);
        obj["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
    }

    [Test]
    public async Task Patch_StatusSubresource_SetsTheConditionAndLeavesSpecAndGeneration()
    {
        await ApplyBuildingBlockAsync("az1");
        const string Patch = """{"spec":{"replicas":9},"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"True","reason":"Up"}]}}""";

        (await RunInNamespaceAsync("patch", TestManifests.ShortName, "az1", "--subresource=status", "--type", "merge", "-p", Patch)).ShouldSucceed();

        var obj = await GetJsonAsync("az1");
        obj["status"]!["conditions"]![0]!["status"]!.GetValue<string>().Should().Be("True");
        obj["status"]!["observedGeneration"]!.GetValue<long>().Should().Be(1);
        obj["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
        obj["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
    }

    [Test]
    public async Task Delete_CustomResource_ThenGetFailsWithNotFound()
    {
        await ApplyBuildingBlockAsync("az1");

        var deleted = (await RunInNamespaceAsync("delete", TestManifests.ShortName, "az1")).ShouldSucceed();

        deleted.StdOut.Should().Contain($"buildingblock.{TestManifests.Group} \"az1\" deleted");
        var get = (await RunInNamespaceAsync("get", TestManifests.ShortName, "az1")).ShouldFail();
        get.StdErr.Should().Contain($"Error from server (NotFound): buildingblocks.{TestManifests.Group} \"az1\" not found");
    }

    [Test]
    public async Task Apply_CustomResourceViolatingTheSchema_PrintsTheFieldErrorAndFails()
    {
        var applied = (await ApplyAsync(TestManifests.BuildingBlock("bad", "AZ_One"))).ShouldFail();

        applied.StdErr.Should().Contain("The BuildingBlock \"bad\" is invalid")
            .And.Contain("spec.availabilityZone: Invalid value: \"AZ_One\"")
            .And.Contain("should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'");
        (await RunInNamespaceAsync("get", TestManifests.ShortName, "bad")).ShouldFail().StdErr.Should().Contain("(NotFound)");
    }

    private async Task<JsonNode> GetJsonAsync(string name)
    {
        var result = (await RunInNamespaceAsync("get", TestManifests.ShortName, name, "-o", "json")).ShouldSucceed();
        return JsonNode.Parse(result.StdOut)!;
    }
}
