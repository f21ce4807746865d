using FluentAssertions;
using Operators.Runtime.Controllers;

namespace Operators.Runtime.Tests.Controllers;

public sealed class ReconcileLogScopeTests
{
    [Test]
    public void Properties_AreTheFourScopeFields_ForJsonLogs()
    {
        var scope = new ReconcileLogScope("building-block", new ReconcileRequest("openstack", "bb091"), "0123456789abcdef");

        scope.Should().Equal(
            new KeyValuePair<string, object?>("controller", "building-block"),
            new KeyValuePair<string, object?>("namespace", "openstack"),
            new KeyValuePair<string, object?>("name", "bb091"),
            new KeyValuePair<string, object?>("reconcileID", "0123456789abcdef"));
    }

    [TestCase("openstack", "bb091", "building-block openstack/bb091 #01234567")]
    [TestCase("", "cluster-thing", "building-block cluster-thing #01234567")]
    public void ToString_IsShortAndReadable_ForTextLogs(string ns, string name, string expected)
    {
        new ReconcileLogScope("building-block", new ReconcileRequest(ns, name), "0123456789abcdef").ToString().Should().Be(expected);
    }
}
