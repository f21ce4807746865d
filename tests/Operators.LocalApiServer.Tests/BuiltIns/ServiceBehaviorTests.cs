using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class ServiceBehaviorTests
{
    private const string WebService = """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"ns"},
         "spec":{"selector":{"app":"web"},"ports":[{"port":80}]}}
        """;

    private readonly ServiceBehavior _behavior = new();

    [Test]
    public void ApplyDefaults_ForClusterIpService_FillsWhatKubeApiServerFills()
    {
        var service = Defaulted(WebService);

        var spec = service["spec"]!.AsObject();
        spec["type"]!.GetValue<string>().Should().Be("ClusterIP");
        spec["sessionAffinity"]!.GetValue<string>().Should().Be("None");
        spec["ports"]![0]!.ToJsonString().Should().Be("""{"port":80,"protocol":"TCP","targetPort":80}""");
        spec["internalTrafficPolicy"]!.GetValue<string>().Should().Be("Cluster");
        spec["ipFamilies"]!.ToJsonString().Should().Be("""["IPv4"]""");
        spec["ipFamilyPolicy"]!.GetValue<string>().Should().Be("SingleStack");
        spec["clusterIPs"]!.ToJsonString().Should().Be(new JsonArray(spec["clusterIP"]!.GetValue<string>()).ToJsonString());
        spec.ContainsKey("externalTrafficPolicy").Should().BeFalse();
        service["status"]!.ToJsonString().Should().Be("""{"loadBalancer":{}}""");
    }

    [Test]
    public void ApplyDefaults_AllocatesAClusterIpInsideTheServiceRange()
    {
        var address = IPAddress.Parse(Defaulted(WebService).At("spec.clusterIP")!.GetValue<string>()).GetAddressBytes();

        address[0].Should().Be(10);
        (address[1] & 0xF0).Should().Be(96);
    }

    [Test]
    public void ApplyDefaults_ForTheSameNameTwice_GivesTheSameClusterIp()
    {
        var first = Defaulted(WebService).At("spec.clusterIP")!.GetValue<string>();
        var again = TestJson.Parse(WebService);
        again["spec"]!["type"] = "ClusterIP";

        _behavior.ApplyDefaults(again);

        again.At("spec.clusterIP")!.GetValue<string>().Should().Be(first);
        Defaulted(WebService.Replace("\"web\"", "\"api\"", StringComparison.Ordinal)).At("spec.clusterIP")!.GetValue<string>().Should().NotBe(first);
    }

    [Test]
    public void ApplyDefaults_ForHeadlessService_KeepsNone()
    {
        var service = TestJson.Parse(WebService);
        service["spec"]!["clusterIP"] = "None";

        _behavior.ApplyDefaults(service);

        service.At("spec.clusterIPs")!.ToJsonString().Should().Be("""["None"]""");
    }

    [Test]
    public void ApplyDefaults_ForNodePortService_AllocatesNodePortsAndExternalPolicy()
    {
        var service = TestJson.Parse(WebService);
        service["spec"]!["type"] = "NodePort";

        _behavior.ApplyDefaults(service);

        service.At("spec.ports.0.nodePort")!.GetValue<int>().Should().BeInRange(30000, 32767);
        service.At("spec.externalTrafficPolicy")!.GetValue<string>().Should().Be("Cluster");
    }

    [Test]
    public void ApplyDefaults_ForExternalNameService_AllocatesNoClusterIp()
    {
        var service = TestJson.Parse("""{"metadata":{"name":"ext","namespace":"ns"},"spec":{"type":"ExternalName","externalName":"db.example.com"}}""");

        _behavior.ApplyDefaults(service);

        service.At("spec.clusterIP").Should().BeNull();
        _behavior.Validate(service, null).Should().BeEmpty();
    }

    [Test]
    public void ApplyDefaults_WithNamedTargetPort_KeepsIt()
    {
        var service = TestJson.Parse("""{"metadata":{"name":"web","namespace":"ns"},"spec":{"ports":[{"port":80,"targetPort":"http"}]}}""");

        _behavior.ApplyDefaults(service);

        service.At("spec.ports.0.targetPort")!.GetValue<string>().Should().Be("http");
    }

    [Test]
    public void Validate_ForDefaultedService_ReturnsNoCauses()
    {
        _behavior.Validate(Defaulted(WebService), null).Should().BeEmpty();
    }

    [TestCase("1web", 0)]
    [TestCase("web.v1", 1)]
    [TestCase("Web", 1)]
    public void Validate_ServiceName_MustBeADnsLabel(string name, int causeCount)
    {
        var service = Defaulted(WebService.Replace("\"web\"", "\"" + name + "\"", StringComparison.Ordinal));

        _behavior.Validate(service, null).Should().HaveCount(causeCount);
    }

    [Test]
    public void Validate_WithoutPorts_RequiresThem()
    {
        var service = Defaulted("""{"metadata":{"name":"web","namespace":"ns"},"spec":{}}""");

        _behavior.Validate(service, null).ReasonsAndFields().Should().Equal(("FieldValueRequired", "spec.ports"));
    }

    [Test]
    public void Validate_WithTwoUnnamedPortsAndABadNumber_ReportsEach()
    {
        var service = Defaulted("""{"metadata":{"name":"web","namespace":"ns"},"spec":{"ports":[{"port":80},{"port":70000}]}}""");

        _behavior.Validate(service, null).ReasonsAndFields().Should().BeEquivalentTo(new[]
        {
            ("FieldValueRequired", "spec.ports[0].name"),
            ("FieldValueRequired", "spec.ports[1].name"),
            ("FieldValueInvalid", "spec.ports[1].port"),
            ("FieldValueInvalid", "spec.ports[1].targetPort"),
        });
    }

    [Test]
    public void Validate_WithUnknownType_ReportsSupportedTypes()
    {
        var service = Defaulted(WebService);
        service["spec"]!["type"] = "Bogus";

        var cause = _behavior.Validate(service, null).Should().ContainSingle().Subject;

        cause.Message.Should().Be("Unsupported value: \"Bogus\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"");
    }

    [Test]
    public void Validate_UpdateChangingClusterIp_IsRejected()
    {
        var old = Defaulted(WebService);
        var updated = old.DeepClone().AsObject();
        updated["spec"]!["clusterIP"] = "10.96.0.99";
        updated["spec"]!["clusterIPs"] = new JsonArray("10.96.0.99");

        _behavior.Validate(updated, old).ReasonsAndFields().Should().Equal(("FieldValueInvalid", "spec.clusterIPs[0]"));
    }

    private JsonObject Defaulted(string json)
    {
        var service = TestJson.Parse(json);
        _behavior.ApplyDefaults(service);
        return service;
    }
}
