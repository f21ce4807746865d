using FluentAssertions;
using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Conformance;

public sealed class PathEvaluatorTests
{
    private const string Deployment = """
        {'metadata': {'name': 'agent', 'labels': {'kubernetes.io/metadata.name': 'x'}},
         'spec': {'containers': [
            {'name': 'agent', 'image': 'agent:2', 'ports': [{'containerPort': 8080}]},
            {'name': 'sidecar', 'image': 'sidecar:1', 'env': null}]},
         'groups': [{'name': 'apps'}, {'name': 'coordination.k8s.io', 'preferredVersion': {'version': 'v1'}}]}
        """;

    [Test]
    public void Dotted_keys_select_a_nested_value() =>
        PathEvaluator.Select(TestJson.Parse(Deployment), "metadata.name").ToJson().ShouldBeJson("'agent'");

    [Test]
    public void An_index_selects_a_list_element_and_a_negative_index_counts_from_the_end()
    {
        var deployment = TestJson.Parse(Deployment);

        PathEvaluator.Select(deployment, "spec.containers[0].image").ToJson().ShouldBeJson("'agent:2'");
        PathEvaluator.Select(deployment, "spec.containers[-1].name").ToJson().ShouldBeJson("'sidecar'");
        PathEvaluator.Select(deployment, "spec.containers[2]").IsAbsent.Should().BeTrue();
    }

    [Test]
    public void A_filter_selects_the_first_element_whose_key_equals_the_value_as_text()
    {
        var deployment = TestJson.Parse(Deployment);

        PathEvaluator.Select(deployment, "spec.containers[name=sidecar].image").ToJson().ShouldBeJson("'sidecar:1'");
        PathEvaluator.Select(deployment, "spec.containers[0].ports[containerPort=8080]").ToJson().ShouldBeJson("{'containerPort': 8080}");
        PathEvaluator.Select(deployment, "spec.containers[name=nope]").IsAbsent.Should().BeTrue();
    }

    [Test]
    public void A_filter_value_may_hold_dots() =>
        PathEvaluator.Select(TestJson.Parse(Deployment), "groups[name=coordination.k8s.io].preferredVersion.version")
            .ToJson().ShouldBeJson("'v1'");

    [Test]
    public void A_quoted_key_may_hold_dots_and_slashes() =>
        PathEvaluator.Select(TestJson.Parse(Deployment), "metadata.labels['kubernetes.io/metadata.name']").ToJson().ShouldBeJson("'x'");

    [Test]
    public void A_star_yields_a_list_with_absent_for_elements_that_lack_the_rest() =>
        PathEvaluator.Select(TestJson.Parse(Deployment), "spec.containers[*].ports")
            .ToJson().ShouldBeJson("[[{'containerPort': 8080}], '<absent>']");

    [Test]
    public void A_star_over_an_empty_list_is_an_empty_list() =>
        PathEvaluator.Select(TestJson.Parse("{'items': []}"), "items[*].metadata.name").ToJson().ShouldBeJson("[]");

    [Test]
    public void A_missing_value_is_the_absent_string_but_null_is_present()
    {
        var deployment = TestJson.Parse(Deployment);

        PathEvaluator.Select(deployment, "spec.replicas").ToJson().ShouldBeJson("'<absent>'");
        PathEvaluator.Select(deployment, "metadata.name.first").IsAbsent.Should().BeTrue();
        var nullValue = PathEvaluator.Select(deployment, "spec.containers[1].env");
        nullValue.IsAbsent.Should().BeFalse();
        nullValue.ToJson().Should().BeNull();
    }

    [Test]
    public void An_empty_path_selects_the_root() =>
        PathEvaluator.Select(TestJson.Parse("{'a': 1}"), string.Empty).ToJson().ShouldBeJson("{'a': 1}");

    [Test]
    public void Remove_takes_out_what_a_path_selects_including_through_a_star()
    {
        var table = TestJson.Parse("{'rows': [{'object': {'metadata': {'name': 'a', 'managedFields': []}}}, {'object': {'metadata': {'name': 'b'}}}]}");

        PathEvaluator.Remove(table, "rows[*].object.metadata.managedFields");
        PathEvaluator.Remove(table, "rows[1]");

        table.ShouldBeJson("{'rows': [{'object': {'metadata': {'name': 'a'}}}]}");
    }

    [Test]
    public void Parsing_reads_brackets_whole()
    {
        var segments = PathExpression.Parse("resources[name=namespaces/status].verbs[*]['a.b'][2]");

        segments.Should().Equal(
            PathSegment.ForKey("resources"),
            PathSegment.ForFilter("name", "namespaces/status"),
            PathSegment.ForKey("verbs"),
            PathSegment.All,
            PathSegment.ForKey("a.b"),
            PathSegment.ForIndex(2));
    }
}
