using System.Text.Json.Nodes;
using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Client;
using Operators.Runtime.Objects;
using Operators.Runtime.Tests.Client;

namespace Operators.Runtime.Tests.Objects;

public sealed class CreateOrPatchTests : ApiServerTestBase
{
    private KubeApiClient _api = null!;
    private string _ns = "";

    [SetUp]
    public async Task CreateNamespace()
    {
        _api = CreateClient();
        _ns = UniqueName("cop");
        await _api.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = _ns } });
    }

    [Test]
    public async Task Apply_WhenMissing_Creates()
    {
        var (obj, result) = await CreateOrPatch.ApplyAsync(_api, New("a"), m => m.Data = new Dictionary<string, string> { ["k"] = "1" });

        result.Should().Be(OperationResult.Created);
        obj.Data["k"].Should().Be("1");
    }

    [Test]
    public async Task Apply_WhenLiveObjectMatches_WritesNothing()
    {
        await CreateOrPatch.ApplyAsync(_api, New("a"), m => m.Data = new Dictionary<string, string> { ["k"] = "1" });
        Server.Requests.Reset();

        var (_, result) = await CreateOrPatch.ApplyAsync(_api, New("a"), m => m.Data = new Dictionary<string, string> { ["k"] = "1" });

        result.Should().Be(OperationResult.Unchanged);
        Server.Requests.Writes.Should().Be(0);
    }

    [Test]
    public async Task Apply_WhenDifferent_PatchesOnlyTheDifference_KeepingFieldsOthersSet()
    {
        await CreateOrPatch.ApplyAsync(_api, New("a"), m => m.Data = new Dictionary<string, string> { ["k"] = "1" });
        await _api.For<V1ConfigMap>().PatchAsync("a", ResourcePatch.Merge("{\"metadata\":{\"labels\":{\"someone\":\"else\"}}}"), _ns);

        var (obj, result) = await CreateOrPatch.ApplyAsync(_api, New("a"), m => m.Data = new Dictionary<string, string> { ["k"] = "2" });

        result.Should().Be(OperationResult.Patched);
        obj.Data["k"].Should().Be("2");
        obj.Metadata.Labels.Should().Contain("someone", "else");
        Server.Requests.Get("patch", "configmaps").Should().Be(2);
    }

    [Test]
    public async Task ApplyAgainstObserved_WhenItMatches_SendsNoRequestAtAll()
    {
        var (created, _) = await CreateOrPatch.ApplyAsync(_api, New("a"), m => m.Data = new Dictionary<string, string> { ["k"] = "1" });
        Server.Requests.Reset();

        var (_, result) = await CreateOrPatch.ApplyAsync(_api, New("a"), created, m => m.Data = new Dictionary<string, string> { ["k"] = "1" });

        result.Should().Be(OperationResult.Unchanged);
        Server.Requests.Snapshot().Should().BeEmpty();
    }

    [Test]
    public async Task ApplyAgainstObserved_WhenDifferent_PatchesWithoutReading_AndLeavesTheObservedCopyAlone()
    {
        var (created, _) = await CreateOrPatch.ApplyAsync(_api, New("a"), m => m.Data = new Dictionary<string, string> { ["k"] = "1" });
        Server.Requests.Reset();

        var (obj, result) = await CreateOrPatch.ApplyAsync(_api, New("a"), created, m => m.Data = new Dictionary<string, string> { ["k"] = "2" });

        result.Should().Be(OperationResult.Patched);
        obj.Data["k"].Should().Be("2");
        created.Data["k"].Should().Be("1");
        Server.Requests.Get("get", "configmaps").Should().Be(0);
        Server.Requests.Get("patch", "configmaps").Should().Be(1);
    }

    [Test]
    public async Task ApplyAgainstObserved_WhenNull_Creates()
    {
        var (obj, result) = await CreateOrPatch.ApplyAsync(_api, New("b"), null, m => m.Data = new Dictionary<string, string> { ["k"] = "1" });

        result.Should().Be(OperationResult.Created);
        (await _api.For<V1ConfigMap>().GetAsync("b", _ns)).Data["k"].Should().Be(obj.Data["k"]);
    }

    [Test]
    public void Diff_SetsChangedAndNewMembers_NullsRemovedOnes_AndReplacesArrays()
    {
        var before = JsonNode.Parse("""{"a":1,"b":{"c":1,"d":2},"e":[1,2],"gone":true}""")!.AsObject();
        var after = JsonNode.Parse("""{"a":1,"b":{"c":1,"d":3},"e":[1],"new":"x"}""")!.AsObject();

        var patch = MergePatchDiff.Create(before, after);

        JsonNode.DeepEquals(patch, JsonNode.Parse("""{"b":{"d":3},"e":[1],"gone":null,"new":"x"}""")).Should().BeTrue(patch.ToJsonString());
    }

    private V1ConfigMap New(string name) => new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = _ns } };
}
