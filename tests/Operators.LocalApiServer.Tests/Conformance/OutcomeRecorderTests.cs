using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Conformance;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class OutcomeRecorderTests
{
    private const string ConfigMap = """
        {'kind': 'ConfigMap', 'apiVersion': 'v1',
         'metadata': {'name': 'a', 'namespace': 'conf-abc123', 'uid': 'u-1', 'resourceVersion': '10',
                      'creationTimestamp': '2026-01-01T00:00:00Z', 'managedFields': [{'manager': 'x'}]},
         'data': {'k': 'v'}}
        """;

    private readonly OutcomeRecorder _recorder = new(new Normalizer("conf-abc123", "abc123"));

    [Test]
    public void Without_record_the_whole_normalized_body_is_recorded() =>
        Body(ConfigMap, RecordSpec.Whole).ShouldBeJson("""
            {'kind': 'ConfigMap', 'apiVersion': 'v1',
             'metadata': {'name': 'a', 'namespace': '${ns}', 'uid': '<uid:1>', 'resourceVersion': '<rv:1>', 'creationTimestamp': '<ts>'},
             'data': {'k': 'v'}}
            """);

    [Test]
    public void Paths_and_present_record_a_map_keyed_by_the_paths_as_written()
    {
        var record = RecordSpec.Parse(
            TestJson.Parse("{'paths': ['metadata.${run}', 'data', 'spec'], 'present': ['metadata.uid', 'status']}"),
            path => path.Replace("${run}", "name", StringComparison.Ordinal));

        Body(ConfigMap, record).ShouldBeJson("""
            {'metadata.${run}': 'a', 'data': {'k': 'v'}, 'spec': '<absent>', 'metadata.uid (present)': true, 'status (present)': false}
            """);
    }

    [Test]
    public void Ignore_records_the_body_without_those_paths() =>
        Body(ConfigMap, RecordSpec.Parse(TestJson.Parse("{'ignore': ['metadata', 'data.k']}"), path => path))
            .ShouldBeJson("{'kind': 'ConfigMap', 'apiVersion': 'v1', 'data': {}}");

    [Test]
    public void A_status_body_is_always_reduced_whatever_the_record_asks() =>
        Body(
            "{'kind': 'Status', 'apiVersion': 'v1', 'status': 'Success', 'details': {'name': 'a', 'kind': 'configmaps', 'uid': 'u-9'}}",
            RecordSpec.Parse(TestJson.Parse("{'paths': ['kind', 'status']}"), path => path))
            .ShouldBeJson("{'kind': 'Status', 'apiVersion': 'v1', 'status': 'Success', 'details': {'name': 'a', 'kind': 'configmaps', 'uid': '<uid:1>'}}");

    [Test]
    public void A_body_that_is_not_json_is_recorded_as_its_first_200_characters()
    {
        _recorder.RecordBody(TestJson.Response(404, "404 page not found"), RecordSpec.Whole, keepMessage: false)
            .ShouldBeJson("{'<non-json>': '404 page not found'}");
        _recorder.RecordBody(TestJson.Response(200, new string('y', 300)), RecordSpec.Whole, keepMessage: false)
            .ShouldBeJson($"{{'<non-json>': '{new string('y', 200)}'}}");
    }

    [Test]
    public void Recorded_headers_reduce_content_type_to_its_media_type_and_mark_missing_ones()
    {
        var response = TestJson.Response(201, "{}", ("Content-Type", "application/json; charset=utf-8"), ("Warning", "299 - \"unknown field \\\"bogus\\\"\""));

        _recorder.RecordHeaders(response, ["Content-Type", "Warning", "Audit-Id"])
            .ShouldBeJson("{'Content-Type': 'application/json', 'Warning': '299 - \\u0022unknown field \\\\\\u0022bogus\\\\\\u0022\\u0022', 'Audit-Id': '<absent>'}");
    }

    [Test]
    public void A_watch_event_records_its_type_and_its_object_per_record()
    {
        var added = TestJson.Object("{'type': 'ADDED', 'object': {'metadata': {'name': 'a', 'resourceVersion': '12'}, 'data': {'v': '1'}}}");
        var bookmark = TestJson.Object("{'type': 'BOOKMARK', 'object': {'kind': 'ConfigMap', 'metadata': {'resourceVersion': '13'}}}");
        var expired = TestJson.Object("{'type': 'ERROR', 'object': {'kind': 'Status', 'apiVersion': 'v1', 'status': 'Failure', 'message': 'too old', 'reason': 'Expired', 'code': 410}}");
        var paths = RecordSpec.Parse(TestJson.Parse("{'paths': ['metadata.name', 'metadata.resourceVersion']}"), path => path);

        _recorder.RecordEvent(added, paths, keepMessage: false)
            .ShouldBeJson("{'type': 'ADDED', 'object': {'metadata.name': 'a', 'metadata.resourceVersion': '<rv:1>'}}");
        _recorder.RecordEvent(bookmark, RecordSpec.Whole, keepMessage: false)
            .ShouldBeJson("{'type': 'BOOKMARK', 'object': {'kind': 'ConfigMap', 'metadata': {'resourceVersion': '<bookmark-rv>'}}}");
        _recorder.RecordEvent(expired, paths, keepMessage: false)
            .ShouldBeJson("{'type': 'ERROR', 'object': {'kind': 'Status', 'apiVersion': 'v1', 'status': 'Failure', 'reason': 'Expired', 'code': 410}}");
    }

    private System.Text.Json.Nodes.JsonNode? Body(string body, RecordSpec record) =>
        _recorder.RecordBody(TestJson.Response(200, TestJson.Parse(body)!.ToJsonString()), record, keepMessage: false);
}
