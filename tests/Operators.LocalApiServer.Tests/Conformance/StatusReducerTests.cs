using FluentAssertions;
using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Conformance;

public sealed class StatusReducerTests
{
    private const string Invalid = """
        {'kind': 'Status', 'apiVersion': 'v1', 'metadata': {}, 'status': 'Failure', 'message': 'BbX \u0022v1\u0022 is invalid',
         'reason': 'Invalid', 'code': 422,
         'details': {'name': 'v1', 'group': 'conformance.operators.dev', 'kind': 'BbX', 'retryAfterSeconds': 1, 'extra': 'x',
            'causes': [
              {'reason': 'FieldValueRequired', 'message': 'Required value', 'field': 'spec.b'},
              {'reason': 'FieldValueInvalid', 'message': 'bad', 'field': 'spec.a'},
              {'reason': 'FieldValueDuplicate', 'message': 'dup', 'field': 'spec.a'}]}}
        """;

    [Test]
    public void A_status_keeps_its_outline_and_sorted_causes_without_messages() =>
        StatusReducer.Reduce(TestJson.Object(Invalid), keepMessage: false).ShouldBeJson("""
            {'kind': 'Status', 'apiVersion': 'v1', 'status': 'Failure', 'reason': 'Invalid', 'code': 422,
             'details': {'name': 'v1', 'group': 'conformance.operators.dev', 'kind': 'BbX', 'retryAfterSeconds': 1,
               'causes': [{'reason': 'FieldValueDuplicate', 'field': 'spec.a'}, {'reason': 'FieldValueInvalid', 'field': 'spec.a'},
                          {'reason': 'FieldValueRequired', 'field': 'spec.b'}]}}
            """);

    [Test]
    public void Keep_message_keeps_the_message_and_cause_messages()
    {
        var reduced = StatusReducer.Reduce(TestJson.Object(Invalid), keepMessage: true);

        reduced["message"]!.GetValue<string>().Should().Be("BbX \"v1\" is invalid");
        reduced["details"]!["causes"]![0].ShouldBeJson("{'reason': 'FieldValueDuplicate', 'field': 'spec.a', 'message': 'dup'}");
    }

    [Test]
    public void Empty_details_are_dropped_and_absent_fields_stay_absent() =>
        StatusReducer.Reduce(TestJson.Object("{'kind': 'Status', 'apiVersion': 'v1', 'status': 'Failure', 'code': 500, 'details': {'extra': 1}}"), keepMessage: false)
            .ShouldBeJson("{'kind': 'Status', 'apiVersion': 'v1', 'status': 'Failure', 'code': 500}");
}
