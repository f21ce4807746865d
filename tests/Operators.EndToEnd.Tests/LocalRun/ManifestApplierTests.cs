using System.Net;
using FluentAssertions;
using Operators.LocalApiServer;
using Operators.LocalRun;
using Operators.Testing;
using ApiServer = Operators.LocalApiServer.LocalApiServer;

namespace Operators.EndToEnd.Tests.LocalRun;

public class ManifestApplierTests
{
    private ApiServer _server = null!;
    private ApiHttpClient _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await ApiServer.StartAsync(new LocalApiServerOptions());
        _api = new ApiHttpClient(_server.BaseAddress);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task ApplyAll_OfTheChartCrdsAndTheSamples_CreatesEveryObject()
    {
        var applier = new ManifestApplier(_api);

        var crds = await applier.ApplyAllAsync(CrdManifests.Load(TestRepository.Layout));
        var samples = await applier.ApplyAllAsync(SampleManifests.Load(TestRepository.Layout.SamplesFile, SampleManifests.DefaultReceiver));

        crds.Should().HaveCount(3).And.OnlyContain(a => a.Created && a.Resource == "customresourcedefinitions" && a.Namespace == null);
        samples.Select(a => a.ToString()).Should().Equal(
            "namespaces/openstack created",
            "secrets/compute-oncall-webhook -n openstack created",
            "secrets/slack-compute-webhook -n openstack created",
            "buildingblocks/bb091 -n openstack created",
            "buildingblocks/bb092 -n openstack created",
            "buildingblocks/bb164 -n openstack created",
            "maintenancenotifiers/compute-oncall -n openstack created",
            "maintenancenotifiers/slack-compute-qa-de-1 -n openstack created");
        var block = await _api.GetAsync("/apis/openstack.operators.dev/v1alpha1/namespaces/openstack/buildingblocks/bb091");
        block.Body!["spec"]!["agentTemplate"]!["gracefulShutdownSeconds"]!.GetValue<int>().Should().Be(300);
    }

    [Test]
    public async Task Apply_OfAnExistingObject_PatchesIt()
    {
        var applier = new ManifestApplier(_api);
        var first = YamlManifests.Parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: twice, namespace: default}\ndata: {a: '1'}", "t.yaml").Single();
        var second = YamlManifests.Parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: twice, namespace: default}\ndata: {b: '2'}", "t.yaml").Single();

        (await applier.ApplyAsync(first)).Created.Should().BeTrue();
        (await applier.ApplyAsync(second)).Created.Should().BeFalse();

        var stored = await _api.GetAsync("/api/v1/namespaces/default/configmaps/twice");
        stored.Body!["data"]!.ToJsonString().Should().Be("""{"a":"1","b":"2"}""");
    }

    [Test]
    public async Task Apply_OfAnUnknownKind_FailsWithOneLine()
    {
        var manifest = YamlManifests.Parse("apiVersion: v1\nkind: Gadget\nmetadata: {name: g}", "t.yaml").Single();

        var apply = () => new ManifestApplier(_api).ApplyAsync(manifest);

        await apply.Should().ThrowAsync<LaunchException>().WithMessage("the API server serves no kind Gadget in v1");
    }

    [Test]
    public async Task Apply_OfAnUnknownGroup_SaysTheCrdMayBeMissing()
    {
        var manifest = YamlManifests.Parse("apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}", "t.yaml").Single();

        var apply = () => new ManifestApplier(_api).ApplyAsync(manifest);

        await apply.Should().ThrowAsync<LaunchException>().WithMessage("*example.com/v1*CRD installed*");
    }

    [Test]
    public async Task Apply_OfAnInvalidObject_FailsWithTheServersReason()
    {
        var manifest = YamlManifests.Parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Not_Valid, namespace: default}", "t.yaml").Single();

        var apply = () => new ManifestApplier(_api).ApplyAsync(manifest);

        await apply.Should().ThrowAsync<LaunchException>().WithMessage("cannot create configmaps/Not_Valid: 422 Invalid*");
    }

    [Test]
    public async Task WaitForOk_WhenThePathNeverAnswers200_FailsAfterTheTimeout()
    {
        var wait = () => _api.WaitForOkAsync("/apis/example.com/v1/gadgets", TimeSpan.FromMilliseconds(300));

        await wait.Should().ThrowAsync<LaunchException>().WithMessage("*gadgets did not answer 200 within 0 s*");
    }

    [Test]
    public async Task Get_OfAMissingObject_ReportsNotFoundWithReason()
    {
        var response = await _api.GetAsync("/api/v1/namespaces/default/configmaps/absent");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Reason.Should().Be("NotFound");
    }
}
