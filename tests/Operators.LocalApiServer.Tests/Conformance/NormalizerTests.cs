using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Conformance;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class NormalizerTests
{
    private const string OwnerUid = "9f0c1b8e-1111-4a2b-9c3d-000000000001";
    private const string DependentUid = "9f0c1b8e-2222-4a2b-9c3d-000000000002";

    private readonly Normalizer _normalizer = new("conf-abc123", "abc123");

    [Test]
    public void Uids_are_numbered_by_first_appearance_and_keep_their_number_everywhere()
    {
        var dependent = TestJson.Parse($"{{'metadata': {{'uid': '{DependentUid}', 'ownerReferences': [{{'uid': '{OwnerUid}'}}]}}}}");
        var status = TestJson.Parse($"{{'kind': 'Status', 'details': {{'uid': '{OwnerUid}'}}}}");

        _normalizer.Normalize(dependent).ShouldBeJson("{'metadata': {'uid': '<uid:1>', 'ownerReferences': [{'uid': '<uid:2>'}]}}");
        _normalizer.Normalize(status).ShouldBeJson("{'kind': 'Status', 'details': {'uid': '<uid:2>'}}");
    }

    [Test]
    public void Equal_resource_versions_share_a_number()
    {
        _normalizer.Normalize(TestJson.Parse("{'metadata': {'resourceVersion': '700'}}")).ShouldBeJson("{'metadata': {'resourceVersion': '<rv:1>'}}");
        _normalizer.Normalize(TestJson.Parse("{'metadata': {'resourceVersion': '705'}}")).ShouldBeJson("{'metadata': {'resourceVersion': '<rv:2>'}}");
        _normalizer.Normalize(TestJson.Parse("{'metadata': {'resourceVersion': '700'}}")).ShouldBeJson("{'metadata': {'resourceVersion': '<rv:1>'}}");
    }

    [Test]
    public void A_list_rv_is_written_as_list_rv_but_still_takes_a_number_on_first_appearance()
    {
        var table = TestJson.Parse("""
            {'kind': 'Table', 'metadata': {'resourceVersion': '903'},
             'rows': [{'object': {'metadata': {'resourceVersion': '902'}}}, {'object': {'metadata': {'resourceVersion': '903'}}}]}
            """);

        _normalizer.Normalize(table).ShouldBeJson("""
            {'kind': 'Table', 'metadata': {'resourceVersion': '<list-rv>'},
             'rows': [{'object': {'metadata': {'resourceVersion': '<rv:2>'}}}, {'object': {'metadata': {'resourceVersion': '<rv:1>'}}}]}
            """);
    }

    [Test]
    public void A_list_of_items_has_a_list_rv() =>
        _normalizer.Normalize(TestJson.Parse("{'kind': 'ConfigMapList', 'metadata': {'resourceVersion': '5', 'continue': 'abc'}, 'items': []}"))
            .ShouldBeJson("{'kind': 'ConfigMapList', 'metadata': {'resourceVersion': '<list-rv>', 'continue': '<continue>'}, 'items': []}");

    [Test]
    public void A_bookmark_has_a_bookmark_rv()
    {
        var bookmark = TestJson.Object("{'type': 'BOOKMARK', 'object': {'kind': 'ConfigMap', 'metadata': {'resourceVersion': '77'}}}");

        _normalizer.Normalize(bookmark["object"]).ShouldBeJson("{'kind': 'ConfigMap', 'metadata': {'resourceVersion': '<bookmark-rv>'}}");
    }

    [Test]
    public void A_value_selected_by_path_normalizes_as_it_would_in_the_whole_body()
    {
        var list = TestJson.Parse("{'kind': 'ConfigMapList', 'metadata': {'resourceVersion': '5', 'continue': ''}, 'items': [{'metadata': {'resourceVersion': '4'}}]}");

        _normalizer.Normalize(PathEvaluator.Select(list, "metadata.resourceVersion")).ShouldBeJson("'<list-rv>'");
        _normalizer.Normalize(PathEvaluator.Select(list, "items[*].metadata.resourceVersion")).ShouldBeJson("['<rv:2>']");
        _normalizer.Normalize(PathEvaluator.Select(list, "metadata.continue")).ShouldBeJson("''");
        _normalizer.Normalize(PathEvaluator.Select(list, "metadata.uid")).ShouldBeJson("'<absent>'");
    }

    [Test]
    public void Timestamps_become_ts_unless_the_scenario_sent_them()
    {
        _normalizer.AddSentStrings(TestJson.Parse("{'spec': {'renewTime': '2024-05-01T10:00:05.654321Z'}}"));

        _normalizer.Normalize(TestJson.Parse("['2024-05-01T10:00:05.654321Z', '2026-11-25T18:19:03Z', '2026-11-25T18:19:03.123+01:00', 'not 2026-11-25T18:19:03Z']"))
            .ShouldBeJson("['2024-05-01T10:00:05.654321Z', '<ts>', '<ts>', 'not 2026-11-25T18:19:03Z']");
    }

    [Test]
    public void The_namespace_name_and_run_id_are_written_back_as_placeholders() =>
        _normalizer.Normalize(TestJson.Parse("{'name': 'conf-abc123-b', 'note': 'run abc123', 'conf-abc123': 1}"))
            .ShouldBeJson("{'name': '${ns}-b', 'note': 'run ${run}', '${ns}': 1}");

    [Test]
    public void Names_made_from_generate_name_are_numbered_and_known_everywhere()
    {
        _normalizer.Normalize(TestJson.Parse("{'metadata': {'name': 'agent-x7k2p', 'generateName': 'agent-'}}"))
            .ShouldBeJson("{'metadata': {'name': 'agent-<gen:1>', 'generateName': 'agent-'}}");
        _normalizer.Normalize(TestJson.Parse("{'metadata': {'name': 'agent-q9z4m', 'generateName': 'agent-'}}"))
            .ShouldBeJson("{'metadata': {'name': 'agent-<gen:2>', 'generateName': 'agent-'}}");
        _normalizer.Normalize(TestJson.Parse("{'details': {'name': 'agent-x7k2p'}}")).ShouldBeJson("{'details': {'name': 'agent-<gen:1>'}}");
    }

    [Test]
    public void A_too_long_generate_name_is_matched_by_its_kept_prefix()
    {
        var prefix = new string('x', 58);
        var metadata = new JsonObject { ["name"] = prefix + "ab12c", ["generateName"] = new string('x', 70) + "-" };

        _normalizer.Normalize(metadata)!["name"]!.GetValue<string>().Should().Be(prefix + "<gen:1>");
    }

    [Test]
    public void A_name_equal_to_its_generate_name_is_left_alone() =>
        _normalizer.Normalize(TestJson.Parse("{'name': 'agent-', 'generateName': 'agent-'}")).ShouldBeJson("{'name': 'agent-', 'generateName': 'agent-'}");
}
