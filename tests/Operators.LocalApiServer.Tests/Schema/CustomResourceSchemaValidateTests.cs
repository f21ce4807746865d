using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>The crd-validation and status-subresource-isolation expectations, against the real schema.</summary>
[TestFixture]
public sealed class CustomResourceSchemaValidateTests
{
    [Test]
    public void Validate_WhenPatternDoesNotMatch_ReturnsFieldValueInvalidWithPath()
    {
        var causes = Validate("""{"availabilityZone":"QA_DE_1A","agentTemplate":{"image":"registry.example/nova-compute:2024.1"}}""");

        causes.Should().Equal(new StatusCause("FieldValueInvalid", "spec.availabilityZone",
            "Invalid value: \"QA_DE_1A\": spec.availabilityZone in body should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'"));
    }

    [Test]
    public void Validate_WhenRequiredFieldsAreMissing_ReturnsRequiredInSchemaOrder()
    {
        var causes = Validate("""{"hosts":[]}""");

        causes.Should().Equal(
            new StatusCause("FieldValueRequired", "spec.availabilityZone", "Required value"),
            new StatusCause("FieldValueRequired", "spec.agentTemplate", "Required value"));
    }

    [Test]
    public void Validate_WhenEnumAndMaximumFail_ReturnsNotSupportedAndInvalid()
    {
        var causes = Validate("""{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"x","computeDriver":"xen","gracefulShutdownSeconds":5000}}""");

        causes.Should().BeEquivalentTo(new[]
        {
            new StatusCause("FieldValueNotSupported", "spec.agentTemplate.computeDriver",
                "Unsupported value: \"xen\": supported values: \"libvirt.LibvirtDriver\", \"vmwareapi.VMwareVCDriver\", \"ironic.IronicDriver\", \"fake.FakeDriver\""),
            new StatusCause("FieldValueInvalid", "spec.agentTemplate.gracefulShutdownSeconds",
                "Invalid value: 5000: spec.agentTemplate.gracefulShutdownSeconds in body should be less than or equal to 3600"),
        });
    }

    [Test]
    public void Validate_WhenListItemFieldIsInvalid_ReturnsPathWithIndex()
    {
        var causes = Validate("""{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"x"},"hosts":[{"name":"ok-host"},{"name":"Bad_Host"}]}""");

        causes.Should().Equal(new StatusCause("FieldValueInvalid", "spec.hosts[1].name",
            "Invalid value: \"Bad_Host\": spec.hosts[1].name in body should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'"));
    }

    [Test]
    public void Validate_WhenTypeIsWrong_ReturnsFieldValueTypeInvalid()
    {
        var causes = Validate("""{"availabilityZone":12,"agentTemplate":{"image":"x"}}""");

        causes.Should().Equal(new StatusCause("FieldValueTypeInvalid", "spec.availabilityZone",
            "Invalid value: \"integer\": spec.availabilityZone in body must be of type string: \"integer\""));
    }

    [Test]
    public void Validate_WhenStringIsShorterThanMinLength_ReturnsInvalidWithLength()
    {
        var causes = Validate("""{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"x"},"maintenance":{"reason":""}}""");

        causes.Should().Equal(new StatusCause("FieldValueInvalid", "spec.maintenance.reason",
            "Invalid value: \"\": spec.maintenance.reason in body should be at least 1 chars long"));
    }

    [Test]
    public void Validate_WhenResourceIsValid_ReturnsNoCauses()
    {
        Validate("""{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"x"},"hosts":[{"name":"node001-bb091"}]}""")
            .Should().BeEmpty();
    }

    [Test]
    public void Validate_WhenMapListItemLacksItsKey_ReturnsRequiredOnlyOnce()
    {
        var causes = Validate("""{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"x"},"hosts":[{"name":"node001-bb091"},{"nodeName":"x"}]}""");

        causes.Should().Equal(new StatusCause("FieldValueRequired", "spec.hosts[1].name", "Required value"));
    }

    [Test]
    public void Validate_WhenConditionStatusIsNotInEnum_ReturnsNotSupportedAtConditionPath()
    {
        var resource = BuildingBlockFixture.Resource("""{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"x"}}""");
        resource["status"] = BuildingBlockFixture.Json(
            """{"conditions":[{"type":"Ready","status":"Maybe","reason":"x","lastTransitionTime":"2024-01-01T00:00:00Z"}]}""");

        var causes = BuildingBlockFixture.Schema().Validate(resource);

        causes.Should().Equal(new StatusCause("FieldValueNotSupported", "status.conditions[0].status",
            "Unsupported value: \"Maybe\": supported values: \"True\", \"False\", \"Unknown\""));
    }

    [Test]
    public void Validate_WhenDateTimeIsMalformed_ReturnsTypeInvalidWithFormat()
    {
        var resource = BuildingBlockFixture.Resource("""{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"x"}}""");
        resource["status"] = BuildingBlockFixture.Json(
            """{"conditions":[{"type":"Ready","status":"True","reason":"Ok","lastTransitionTime":"yesterday"}]}""");

        var causes = BuildingBlockFixture.Schema().Validate(resource);

        causes.Should().Equal(new StatusCause("FieldValueTypeInvalid", "status.conditions[0].lastTransitionTime",
            "Invalid value: \"yesterday\": status.conditions[0].lastTransitionTime in body must be of type date-time: \"yesterday\""));
    }

    [Test]
    public void Validate_WhenTooManyHosts_ReturnsTooMany()
    {
        var hosts = string.Join(",", Enumerable.Range(0, 257).Select(i => $$"""{"name":"h{{i}}"}"""));

        var causes = Validate("""{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"x"},"hosts":[""" + hosts + "]}");

        causes.Should().Equal(new StatusCause("FieldValueTooMany", "spec.hosts", "Too many: 257: must have at most 256 items"));
    }

    [Test]
    public void Validate_WhenStringIsTooLong_ReturnsTooLongWithoutValue()
    {
        var spec = BuildingBlockFixture.Json("""{"agentTemplate":{"image":"x"}}""");
        spec["availabilityZone"] = new string('a', 64);

        var causes = Validate(spec.ToJsonString());

        causes.Should().Equal(new StatusCause("FieldValueTooLong", "spec.availabilityZone", "Too long: may not be more than 63 bytes"));
    }

    private static IReadOnlyList<StatusCause> Validate(string specJson) =>
        BuildingBlockFixture.Schema().Validate(BuildingBlockFixture.Resource(specJson));
}
