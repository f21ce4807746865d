using FluentAssertions;
using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Conformance;

public sealed class WaitConditionTests
{
    private static readonly RawResponse Crd = TestJson.Response(200, TestJson.Parse("""
        {'status': {'observedGeneration': 3, 'conditions': [{'type': 'NamesAccepted', 'status': 'True'}, {'type': 'Established', 'status': 'True'}]},
         'items': [1, 2]}
        """)!.ToJsonString());

    [TestCase("{'status': 200}", true)]
    [TestCase("{'status': 404}", false)]
    [TestCase("{'path': 'status.conditions[type=Established].status', 'equals': 'True'}", true)]
    [TestCase("{'path': 'status.observedGeneration', 'equals': 3.0}", true)]
    [TestCase("{'path': 'status.observedGeneration', 'equals': '3'}", false)]
    [TestCase("{'path': 'metadata.ownerReferences', 'exists': false}", true)]
    [TestCase("{'path': 'status.conditions', 'exists': true}", true)]
    [TestCase("{'itemsCount': 2}", true)]
    [TestCase("{'itemsCount': 0}", false)]
    [TestCase("{'status': 200, 'itemsCount': 2, 'path': 'status.observedGeneration', 'equals': 3}", true)]
    [TestCase("{'status': 200, 'itemsCount': 1}", false)]
    public void Until_conditions_combine_with_and(string until, bool holds) =>
        WaitCondition.Holds(TestJson.Object(until), Crd).Should().Be(holds);

    [Test]
    public void A_plain_text_404_meets_a_status_condition_only() =>
        WaitCondition.Holds(TestJson.Object("{'status': 404}"), TestJson.Response(404, "404 page not found")).Should().BeTrue();
}
