using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace Operators.CrdGenerator.Tests.Integration;

/// <summary>What the schema forbids is refused with 422 naming the field.</summary>
public sealed class InvalidObjectTests : ApiServerFixture
{
    private static int _counter;

    private static readonly TestCaseData[] Cases =
    [
        Block("a duplicate host name", s => s["hosts"] = Array(Host("node001"), Host("node001")), "spec.hosts[1]"),
        Block("a host name that is not DNS-1123", s => s["hosts"] = Array(Host("Node_001")), "spec.hosts[0].name"),
        Block("257 hosts", s => s["hosts"] = Array(Enumerable.Range(0, 257).Select(i => Host($"node{i:000}")).ToArray()), "spec.hosts"),
        Block("an availabilityZone that is not DNS-1123", s => s["availabilityZone"] = "QA_DE_1A", "spec.availabilityZone"),
        Block("gracefulShutdownSeconds 3601", s => s["agentTemplate"]!["gracefulShutdownSeconds"] = 3601, "spec.agentTemplate.gracefulShutdownSeconds"),
        Block("an unknown computeDriver", s => s["agentTemplate"]!["computeDriver"] = "hyperv.HyperVDriver", "spec.agentTemplate.computeDriver"),
        Block("customServiceConfig of 65537 characters", s => s["agentTemplate"]!["customServiceConfig"] = new string('x', 65537), "spec.agentTemplate.customServiceConfig"),
        Block("an empty maintenance reason", s => s["maintenance"] = new JsonObject { ["reason"] = "" }, "spec.maintenance.reason"),
        Block("a maintenance reason of 256 characters", s => s["maintenance"] = new JsonObject { ["reason"] = new string('r', 256) }, "spec.maintenance.reason"),
        Block("maintenance without a reason", s => s["maintenance"] = new JsonObject(), "spec.maintenance.reason"),
        Block("no availabilityZone", s => s.Remove("availabilityZone"), "spec.availabilityZone"),
        Block("no agentTemplate", s => s.Remove("agentTemplate"), "spec.agentTemplate"),
        Block("no image", s => s["agentTemplate"]!.AsObject().Remove("image"), "spec.agentTemplate.image"),
        Block("a resource request that is not a quantity", s => s["agentTemplate"]!["resources"] = JsonNode.Parse("""{"requests":{"cpu":"lots"}}"""), "spec.agentTemplate.resources.requests.cpu"),
        Agent("no host", s => s.Remove("host"), "spec.host"),
        Agent("gracefulShutdownSeconds -1", s => s["gracefulShutdownSeconds"] = -1, "spec.gracefulShutdownSeconds"),
        Agent("an unknown computeDriver", s => s["computeDriver"] = "xen", "spec.computeDriver"),
        Agent("customServiceConfig of 65537 characters", s => s["customServiceConfig"] = new string('x', 65537), "spec.customServiceConfig"),
        Notifier("a webhook url without http(s)", s => s["webhook"]!["url"] = "ftp://example.com/hook", "spec.webhook.url"),
        Notifier("no events", s => s["events"] = new JsonArray(), "spec.events"),
        Notifier("a repeated event", s => s["events"] = Array("Entered", "Entered"), "spec.events[1]"),
        Notifier("an unknown event", s => s["events"] = Array("Started"), "spec.events[0]"),
        Notifier("retry.maxAttempts 0", s => s["retry"] = new JsonObject { ["maxAttempts"] = 0 }, "spec.retry.maxAttempts"),
        Notifier("webhook.timeoutSeconds 61", s => s["webhook"]!["timeoutSeconds"] = 61, "spec.webhook.timeoutSeconds"),
        Notifier("an unknown format", s => s["webhook"]!["format"] = "Teams", "spec.webhook.format"),
        Notifier("a secret reference without a key", s => s["webhook"]!["urlSecretRef"] = new JsonObject { ["name"] = "hook" }, "spec.webhook.urlSecretRef.key"),
        Notifier("no webhook", s => s.Remove("webhook"), "spec.webhook"),
        Notifier("a selector expression without an operator", s => s["buildingBlockSelector"] = JsonNode.Parse("""{"matchExpressions":[{"key":"zone"}]}"""), "spec.buildingBlockSelector.matchExpressions[0].operator"),
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task Create_WithAnInvalidSpec_IsRefusedWith422NamingTheField(JsonObject obj, string field)
    {
        var (status, body) = await CreateAsync(obj);

        status.Should().Be(HttpStatusCode.UnprocessableEntity, body.ToJsonString());
        CauseFields(body).Should().Contain(field, body["message"]?.GetValue<string>());
    }

    [TestCaseSource(nameof(ValidBases))]
    public async Task Create_TheValidBaseObject_IsAccepted(JsonObject obj)
    {
        var (status, body) = await CreateAsync(obj);

        status.Should().Be(HttpStatusCode.Created, body.ToJsonString());
    }

    [Test]
    public async Task UpdateStatus_WithAConditionStatusOutsideTrueFalseUnknown_IsRefused()
    {
        var (code, status) = await UpdateBlockStatusAsync("""
            {"conditions":[{"type":"Ready","status":"Maybe","reason":"AllAgentsReady","message":"","lastTransitionTime":"2026-01-01T00:00:00Z"}]}
            """);

        code.Should().Be(HttpStatusCode.UnprocessableEntity);
        CauseFields(status).Should().Contain("status.conditions[0].status");
    }

    [Test]
    public async Task UpdateStatus_WithAConditionWithoutReason_IsRefused()
    {
        var (code, status) = await UpdateBlockStatusAsync("""
            {"conditions":[{"type":"Ready","status":"True","message":"","lastTransitionTime":"2026-01-01T00:00:00Z"}]}
            """);

        code.Should().Be(HttpStatusCode.UnprocessableEntity);
        CauseFields(status).Should().Contain("status.conditions[0].reason");
    }

    [Test]
    public async Task UpdateStatus_WithWhatTheOperatorWrites_IsAccepted()
    {
        var (code, stored) = await UpdateBlockStatusAsync("""
            {"observedGeneration":1,"desiredAgents":1,"readyAgents":0,"outOfServiceAgents":0,
             "conditions":[{"type":"Ready","status":"False","observedGeneration":1,"reason":"AgentsNotReady","message":"","lastTransitionTime":"2026-01-01T00:00:00Z"},
                           {"type":"Maintenance","status":"False","observedGeneration":1,"reason":"Operational","message":"no maintenance","lastTransitionTime":"2026-01-01T00:00:00Z"}],
             "agents":[{"name":"node001","ready":false,"inService":true}],
             "maintenance":{"lastEnteredTime":"2026-01-01T00:00:00Z","lastLeftTime":"2026-01-02T00:00:00Z","reason":"CHG1"}}
            """);

        code.Should().Be(HttpStatusCode.OK, stored.ToJsonString());
        stored["status"]!["conditions"]!.AsArray().Should().HaveCount(2);
    }

    private async Task<(HttpStatusCode Code, JsonObject Body)> UpdateBlockStatusAsync(string status)
    {
        var (created, body) = await CreateAsync(BaseBlock());
        created.Should().Be(HttpStatusCode.Created);
        var name = body["metadata"]!["name"]!.GetValue<string>();
        body["status"] = JsonNode.Parse(status);

        using var response = await Http.PutAsync(
            $"apis/openstack.operators.dev/v1alpha1/namespaces/default/buildingblocks/{name}/status",
            new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static IEnumerable<TestCaseData> ValidBases() =>
    [
        new TestCaseData(BaseBlock()).SetName("Create_TheValidBaseObject_IsAccepted(BuildingBlock)"),
        new TestCaseData(BaseAgent()).SetName("Create_TheValidBaseObject_IsAccepted(NovaAgent)"),
        new TestCaseData(BaseNotifier()).SetName("Create_TheValidBaseObject_IsAccepted(MaintenanceNotifier)"),
        new TestCaseData(WithSpec(BaseBlock(), s => s["agentTemplate"]!["resources"] = JsonNode.Parse("""{"requests":{"cpu":1,"memory":"1.5Gi"},"limits":{"cpu":"500m"}}""")))
            .SetName("Create_TheValidBaseObject_IsAccepted(BuildingBlockWithIntegerAndStringQuantities)"),
        new TestCaseData(WithSpec(BaseNotifier(), s => s["webhook"] = JsonNode.Parse("""{"urlSecretRef":{"name":"hook","key":"url"},"format":"Slack"}""")))
            .SetName("Create_TheValidBaseObject_IsAccepted(MaintenanceNotifierWithUrlSecretRef)"),
    ];

    private static TestCaseData Block(string what, Action<JsonObject> change, string field) => Case("BuildingBlock", BaseBlock(), what, change, field);

    private static TestCaseData Agent(string what, Action<JsonObject> change, string field) => Case("NovaAgent", BaseAgent(), what, change, field);

    private static TestCaseData Notifier(string what, Action<JsonObject> change, string field) => Case("MaintenanceNotifier", BaseNotifier(), what, change, field);

    private static JsonObject WithSpec(JsonObject obj, Action<JsonObject> change)
    {
        change(obj["spec"]!.AsObject());
        return obj;
    }

    private static TestCaseData Case(string kind, JsonObject obj, string what, Action<JsonObject> change, string field)
    {
        WithSpec(obj, change);
        return new TestCaseData(obj, field).SetName($"Create_{kind}With{string.Concat(what.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))}_IsRefusedNaming({field})");
    }

    private static JsonObject BaseBlock() => Resource("BuildingBlock", """
        {"availabilityZone":"qa-de-1a","hosts":[{"name":"node001"}],"agentTemplate":{"image":"nova:1"}}
        """);

    private static JsonObject BaseAgent() => Resource("NovaAgent", """
        {"host":"node001","availabilityZone":"qa-de-1a","image":"nova:1"}
        """);

    private static JsonObject BaseNotifier() => Resource("MaintenanceNotifier", """
        {"webhook":{"url":"https://example.com/hook"}}
        """);

    private static JsonObject Resource(string kind, string spec) => new()
    {
        ["apiVersion"] = "openstack.operators.dev/v1alpha1",
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = $"{kind.ToLowerInvariant()}-{Interlocked.Increment(ref _counter)}", ["namespace"] = "default" },
        ["spec"] = JsonNode.Parse(spec),
    };

    private static JsonObject Host(string name) => new() { ["name"] = name };

    private static JsonArray Array(params JsonNode?[] items) => new(items);
}
