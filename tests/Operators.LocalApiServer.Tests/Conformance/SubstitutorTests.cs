using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Conformance;

public sealed class SubstitutorTests
{
    private static readonly Dictionary<string, JsonObject> Results = new(StringComparer.Ordinal)
    {
        ["create-1"] = TestJson.Response(201, """{"metadata": {"name": "agent-x7k2p", "resourceVersion": "42", "generation": 1}}""").ToResult(),
        ["long.id"] = TestJson.Response(200, "ok", ("Warning", "299 - \"careful\"")).ToResult(),
    };

    private readonly Substitutor _substitutor = new("conf-abc123", "abc123", id => Results.GetValueOrDefault(id));

    [Test]
    public void Ns_and_run_are_replaced_inside_text() =>
        _substitutor.ApplyText("/api/v1/namespaces/${ns}-b/configmaps/x-${run}").Should().Be("/api/v1/namespaces/conf-abc123-b/configmaps/x-abc123");

    [Test]
    public void A_reference_inside_text_is_replaced_by_its_text() =>
        _substitutor.ApplyText("/configmaps/${create-1.body.metadata.name}").Should().Be("/configmaps/agent-x7k2p");

    [Test]
    public void A_string_that_is_exactly_one_reference_becomes_the_raw_value()
    {
        var body = _substitutor.Apply(TestJson.Parse("{'rv': '${create-1.body.metadata.resourceVersion}', 'gen': '${create-1.body.metadata.generation}', 'code': '${create-1.status}', 'meta': '${create-1.body.metadata}'}"));

        body.ShouldBeJson("{'rv': '42', 'gen': 1, 'code': 201, 'meta': {'name': 'agent-x7k2p', 'resourceVersion': '42', 'generation': 1}}");
    }

    [Test]
    public void Repeat_makes_a_long_string() =>
        _substitutor.Apply(JsonValue.Create("${repeat:x:5}")).ShouldBeJson("'xxxxx'");

    [Test]
    public void Headers_are_read_by_name_case_insensitively_and_step_ids_may_hold_dots() =>
        _substitutor.ApplyText("${long.id.headers.warning}").Should().Be("299 - \"careful\"");

    [Test]
    public void A_missing_value_is_the_absent_string() =>
        _substitutor.Apply(JsonValue.Create("${create-1.body.metadata.uid}")).ShouldBeJson("'<absent>'");

    [Test]
    public void Keys_lists_and_non_strings_are_handled() =>
        _substitutor.Apply(TestJson.Parse("{'${run}': ['${ns}', 3, true, null]}")).ShouldBeJson("{'abc123': ['conf-abc123', 3, true, null]}");

    [Test]
    public void A_reference_to_an_unknown_step_fails_clearly()
    {
        var act = () => _substitutor.ApplyText("${nope.body.metadata.name}");

        act.Should().Throw<InvalidOperationException>().WithMessage("*${nope.body.metadata.name}*");
    }
}
