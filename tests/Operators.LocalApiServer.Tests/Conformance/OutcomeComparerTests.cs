using FluentAssertions;
using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Conformance;

public sealed class OutcomeComparerTests
{
    [Test]
    public void Equal_outcomes_give_no_lines_whatever_the_key_order()
    {
        var expected = TestJson.Object("{'steps': [{'id': 'a', 'status': 200, 'body': {'kind': 'X', 'n': 1, 'list': [1, 2]}}]}");
        var actual = TestJson.Object("{'steps': [{'body': {'list': [1, 2], 'n': 1.0, 'kind': 'X'}, 'status': 200, 'id': 'a'}]}");

        OutcomeComparer.Compare(expected, actual).Should().BeEmpty();
    }

    [Test]
    public void Expected_leaves_come_first_sorted_then_the_leaves_only_the_recording_has()
    {
        var expected = TestJson.Object("""
            {'steps': [{'id': 'stale-scale', 'status': 409, 'body': {'kind': 'Status', 'apiVersion': 'v1', 'status': 'Failure',
              'reason': 'Conflict', 'code': 409, 'details': {'name': 'sc', 'group': 'apps', 'kind': 'deployments'}}}]}
            """);
        var actual = TestJson.Object("""
            {'steps': [{'id': 'stale-scale', 'status': 422, 'body': {'kind': 'Status', 'apiVersion': 'v1', 'status': 'Failure',
              'reason': 'Invalid', 'code': 422, 'details': {'name': 'sc', 'group': 'autoscaling', 'kind': 'Scale',
              'causes': [{'reason': 'FieldValueRequired', 'field': 'metadata.namespace'}]}}}]}
            """);

        OutcomeComparer.Compare(expected, actual).Should().Equal(
            "step stale-scale: body.code: expected 409, got 422",
            "step stale-scale: body.details.group: expected \"apps\", got \"autoscaling\"",
            "step stale-scale: body.details.kind: expected \"deployments\", got \"Scale\"",
            "step stale-scale: body.reason: expected \"Conflict\", got \"Invalid\"",
            "step stale-scale: status: expected 409, got 422",
            "step stale-scale: body.details.causes[0].field: expected \"<absent>\", got \"metadata.namespace\"",
            "step stale-scale: body.details.causes[0].reason: expected \"<absent>\", got \"FieldValueRequired\"");
    }

    [Test]
    public void List_order_matters()
    {
        var expected = TestJson.Object("{'steps': [{'id': 'e', 'events': [{'type': 'ADDED', 'name': 'a'}, {'type': 'ADDED', 'name': 'b'}]}]}");
        var actual = TestJson.Object("{'steps': [{'id': 'e', 'events': [{'type': 'ADDED', 'name': 'b'}, {'type': 'ADDED', 'name': 'a'}]}]}");

        OutcomeComparer.Compare(expected, actual).Should().Equal(
            "step e: events[0].name: expected \"a\", got \"b\"",
            "step e: events[1].name: expected \"b\", got \"a\"");
    }

    [Test]
    public void Keys_with_dots_are_joined_as_they_are_and_empty_lists_are_leaves()
    {
        var expected = TestJson.Object("{'steps': [{'id': 'c', 'body': {'metadata': {'labels': {'kubernetes.io/metadata.name': '${ns}-b'}}, 'events': []}}]}");
        var actual = TestJson.Object("{'steps': [{'id': 'c', 'body': {'metadata': {'labels': {}}, 'events': [{'type': 'ADDED'}]}}]}");

        OutcomeComparer.Compare(expected, actual).Should().Equal(
            "step c: body.events: expected [], got \"<absent>\"",
            "step c: body.metadata.labels.kubernetes.io/metadata.name: expected \"${ns}-b\", got \"<absent>\"",
            "step c: body.events[0].type: expected \"<absent>\", got \"ADDED\"",
            "step c: body.metadata.labels: expected \"<absent>\", got {}");
    }

    [Test]
    public void An_expected_absent_value_matches_a_missing_leaf()
    {
        var expected = TestJson.Object("{'steps': [{'id': 'f', 'body': {'metadata.finalizers': '<absent>'}}]}");
        var actual = TestJson.Object("{'steps': [{'id': 'f', 'body': {'metadata.finalizers': ['x']}}]}");

        OutcomeComparer.Compare(expected, actual).Should().Equal(
            "step f: body.metadata.finalizers[0]: expected \"<absent>\", got \"x\"");
    }

    [Test]
    public void Missing_and_extra_steps_are_compared_against_nothing()
    {
        var expected = TestJson.Object("{'steps': [{'id': 'a', 'status': 200}]}");
        var actual = TestJson.Object("{'steps': [{'id': 'b', 'conditionMet': false}]}");

        OutcomeComparer.Compare(expected, actual).Should().Equal(
            "step a: status: expected 200, got \"<absent>\"",
            "step b: conditionMet: expected \"<absent>\", got false");
    }

    [Test]
    public void Values_are_written_like_python_json_dumps() =>
        DifferenceFormatter.Format(TestJson.Parse("{'a': ['q\\u0022\\\\\\n', 'caf\\u00e9', null, true, 1.5, {}]}"))
            .Should().Be("{\"a\": [\"q\\\"\\\\\\n\", \"caf\\u00e9\", null, true, 1.5, {}]}");
}
