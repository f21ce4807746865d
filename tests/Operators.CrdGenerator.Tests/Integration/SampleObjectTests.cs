using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace Operators.CrdGenerator.Tests.Integration;

/// <summary>The shared samples (../shared/samples/openstack.yaml) are valid and get the schema's defaults.</summary>
public sealed class SampleObjectTests : ApiServerFixture
{
    private static readonly string[] Kinds = ["BuildingBlock", "NovaAgent", "MaintenanceNotifier"];
    private readonly Dictionary<string, JsonObject> _created = [];

    [OneTimeSetUp]
    public async Task CreateSamplesAsync()
    {
        foreach (var sample in Samples())
        {
            var (status, body) = await CreateAsync(sample);
            status.Should().Be(HttpStatusCode.Created, $"sample {sample["metadata"]!["name"]} must be accepted: {body.ToJsonString()}");
            _created[body["metadata"]!["name"]!.GetValue<string>()] = body;
        }
    }

    [Test]
    public void EverySampleOfTheThreeKinds_IsAccepted()
    {
        _created.Keys.Should().BeEquivalentTo(Samples().Select(s => s["metadata"]!["name"]!.GetValue<string>()));
        _created.Should().HaveCountGreaterThanOrEqualTo(5);
    }

    [Test]
    public void ABlockWithoutDriverOrShutdown_GetsTheLibvirtDriverAnd300Seconds()
    {
        var template = _created["bb092"]["spec"]!["agentTemplate"]!;

        template["computeDriver"]!.GetValue<string>().Should().Be("libvirt.LibvirtDriver");
        template["gracefulShutdownSeconds"]!.GetValue<int>().Should().Be(300);
    }

    [Test]
    public void ABlockWithItsOwnValues_KeepsThem()
    {
        var template = _created["bb164"]["spec"]!["agentTemplate"]!;

        template["computeDriver"]!.GetValue<string>().Should().Be("vmwareapi.VMwareVCDriver");
        template["gracefulShutdownSeconds"]!.GetValue<int>().Should().Be(900);
        JsonAssert.Equal(_created["bb091"]["spec"]!["agentTemplate"]!["resources"], """{"requests":{"cpu":"250m","memory":"512Mi"},"limits":{"memory":"2Gi"}}""");
    }

    [Test]
    public async Task ABlockWithoutHosts_GetsAnEmptyHostList()
    {
        var (status, body) = await CreateAsync(JsonNode.Parse("""
            {"apiVersion":"openstack.operators.dev/v1alpha1","kind":"BuildingBlock","metadata":{"name":"empty","namespace":"openstack"},
             "spec":{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"nova:1"}}}
            """)!.AsObject());

        status.Should().Be(HttpStatusCode.Created);
        JsonAssert.Equal(body["spec"]!["hosts"], "[]");
    }

    [Test]
    public void ANotifierWithoutEventsOrRetry_GetsBothEventsAndTheRetryDefaults()
    {
        var spec = _created["slack-compute-qa-de-1"]["spec"]!;

        JsonAssert.Equal(spec["events"], """["Entered","Left"]""");
        JsonAssert.Equal(spec["retry"], """{"maxAttempts":8,"initialBackoffSeconds":5,"maxBackoffSeconds":300}""");
        spec["webhook"]!["timeoutSeconds"]!.GetValue<int>().Should().Be(10);
        spec["suspend"]!.GetValue<bool>().Should().BeFalse();
        JsonAssert.Equal(spec["buildingBlockSelector"], """
            {"matchExpressions":[{"key":"topology.kubernetes.io/zone","operator":"In","values":["qa-de-1a","qa-de-1b"]}]}
            """);
    }

    private static IEnumerable<JsonObject> Samples() =>
        YamlToJson.Documents(File.ReadAllText(Path.Combine(RepositoryPaths.Shared, "samples", "openstack.yaml")))
            .Where(d => Kinds.Contains(d["kind"]?.GetValue<string>()));
}
