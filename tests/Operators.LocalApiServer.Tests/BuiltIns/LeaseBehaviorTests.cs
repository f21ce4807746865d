using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class LeaseBehaviorTests
{
    private const string Lease = """
        {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"building-block-leader","namespace":"ns"},
         "spec":{"holderIdentity":"pod-a","leaseDurationSeconds":15,"acquireTime":"2024-05-01T10:00:00.000000Z",
                 "renewTime":"2024-05-01T10:00:00.123456Z","leaseTransitions":0}}
        """;

    private readonly LeaseBehavior _behavior = new();

    [Test]
    public void ApplyDefaults_ForRecordedLease_ChangesNothing()
    {
        var lease = TestJson.Parse(Lease);

        _behavior.ApplyDefaults(lease);

        lease.ToJsonString().Should().Be(TestJson.Parse(Lease).ToJsonString());
        _behavior.Validate(lease, null).Should().BeEmpty();
        _behavior.TracksGeneration.Should().BeFalse();
    }

    [TestCase("2024-05-01T10:00:05Z", "2024-05-01T10:00:05.000000Z")]
    [TestCase("2024-05-01T12:00:05.5+02:00", "2024-05-01T10:00:05.500000Z")]
    public void ApplyDefaults_WritesRenewTimeAsMicroTimeInUtc(string sent, string stored)
    {
        var lease = TestJson.Parse(Lease);
        lease["spec"]!["renewTime"] = sent;

        _behavior.ApplyDefaults(lease);

        lease.At("spec.renewTime")!.GetValue<string>().Should().Be(stored);
    }

    [Test]
    public void ApplyDefaults_WithUnparsableTime_IsBadRequest()
    {
        var lease = TestJson.Parse(Lease);
        lease["spec"]!["renewTime"] = "yesterday";

        FluentActions.Invoking(() => _behavior.ApplyDefaults(lease)).Should().Throw<ApiException>().Which.Code.Should().Be(400);
    }

    [Test]
    public void ApplyDefaults_WithStringDuration_IsBadRequestNamingTheField()
    {
        var lease = TestJson.Parse(Lease);
        lease["spec"]!["leaseDurationSeconds"] = "15";

        FluentActions.Invoking(() => _behavior.ApplyDefaults(lease)).Should().Throw<ApiException>().Which.Message.Should().Be(
            "Lease in version \"v1\" cannot be handled as a Lease: json: cannot unmarshal string into Go struct field LeaseSpec.spec.leaseDurationSeconds of type int32");
    }

    [TestCase("leaseDurationSeconds", 0, "spec.leaseDurationSeconds")]
    [TestCase("leaseTransitions", -1, "spec.leaseTransitions")]
    public void Validate_WithOutOfRangeNumber_ReportsIt(string key, int value, string field)
    {
        var lease = TestJson.Parse(Lease);
        lease["spec"]![key] = value;

        _behavior.Validate(lease, null).ReasonsAndFields().Should().Equal(("FieldValueInvalid", field));
    }

    [Test]
    public void Validate_WithPreferredHolderButNoStrategy_IsForbidden()
    {
        var lease = TestJson.Parse(Lease);
        lease["spec"]!["preferredHolder"] = "pod-b";

        _behavior.Validate(lease, null).ReasonsAndFields().Should().Equal(("FieldValueForbidden", "spec.preferredHolder"));
    }
}
