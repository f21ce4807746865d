using FluentAssertions;
using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Conformance;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RelationCheckerTests
{
    private readonly RelationChecker _checker = new();

    [Test]
    public void New_write_resource_versions_must_increase()
    {
        Write("create", "POST", "10");
        Write("update", "PUT", "12");
        Write("patch", "PATCH", "11");

        _checker.Violations.Should().ContainSingle()
            .Which.Should().Be("step patch: write resourceVersion \"11\" is not greater than the earlier write's \"12\"");
    }

    [Test]
    public void A_no_op_write_may_return_a_resource_version_seen_before()
    {
        Write("create-a", "POST", "10");
        Write("create-b", "POST", "11");
        Write("noop-a", "PATCH", "10");
        Read("list", "{'kind': 'ConfigMapList', 'metadata': {'resourceVersion': '20'}, 'items': [{'metadata': {'resourceVersion': '15'}}]}");
        Write("noop-c", "PUT", "15");

        _checker.Violations.Should().BeEmpty();
    }

    [Test]
    public void Dry_runs_reads_and_statuses_are_not_writes()
    {
        Write("create", "POST", "10");
        Write("dry", "POST", "5", "?dryRun=All");
        Read("get", "{'metadata': {'resourceVersion': '3'}}");
        Write("conflict", "PUT", null);

        _checker.Violations.Should().BeEmpty();
    }

    [Test]
    public void Event_resource_versions_of_one_watch_must_strictly_increase_outside_rv_increasing_false()
    {
        _checker.ObserveEvents("initial", "w", [Event("ADDED", "12"), Event("ADDED", "8")], rvIncreasing: false);
        _checker.ObserveEvents("live", "w", [Event("BOOKMARK", "12"), Event("MODIFIED", "12"), Event("ERROR", null), Event("DELETED", "13")], rvIncreasing: true);
        _checker.ObserveEvents("other", "v", [Event("ADDED", "1")], rvIncreasing: true);

        _checker.Violations.Should().ContainSingle()
            .Which.Should().Be("step live: watch w: event resourceVersion \"12\" is not greater than the earlier event's \"12\"");
    }

    private void Write(string id, string method, string? rv, string query = "")
    {
        var request = RequestSpec.Parse(TestJson.Object($"{{'method': '{method}', 'path': '/x', 'query': {QueryJson(query)}, 'body': {{}}}}"));
        var body = rv is null
            ? "{'kind': 'Status', 'apiVersion': 'v1', 'status': 'Failure', 'code': 409}"
            : $"{{'kind': 'ConfigMap', 'metadata': {{'resourceVersion': '{rv}'}}}}";
        _checker.ObserveResponse(id, request, TestJson.Response(200, TestJson.Parse(body)!.ToJsonString()));
    }

    private void Read(string id, string body) =>
        _checker.ObserveResponse(id, RequestSpec.Parse(TestJson.Object("{'path': '/x'}")), TestJson.Response(200, TestJson.Parse(body)!.ToJsonString()));

    private static string QueryJson(string query) => query.Length == 0 ? "{}" : "{'dryRun': 'All'}";

    private static System.Text.Json.Nodes.JsonObject Event(string type, string? rv) => rv is null
        ? TestJson.Object($"{{'type': '{type}', 'object': {{'kind': 'Status'}}}}")
        : TestJson.Object($"{{'type': '{type}', 'object': {{'metadata': {{'resourceVersion': '{rv}'}}}}}}");
}
