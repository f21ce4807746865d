using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>Validation ratcheting on update: errors in unchanged values are not reported.</summary>
[TestFixture]
public sealed class CustomResourceSchemaValidateUpdateTests
{
    [Test]
    public void ValidateUpdate_WhenInvalidFieldIsUnchanged_DropsItsError()
    {
        var old = BuildingBlockFixture.Resource("""{"availabilityZone":"QA_DE_1A","agentTemplate":{"image":"x"}}""");
        var updated = BuildingBlockFixture.Resource("""{"availabilityZone":"QA_DE_1A","agentTemplate":{"image":"y"}}""");

        BuildingBlockFixture.Schema().ValidateUpdate(updated, old).Should().BeEmpty();
    }

    [Test]
    public void ValidateUpdate_WhenInvalidFieldChanges_ReportsIt()
    {
        var old = BuildingBlockFixture.Resource("""{"availabilityZone":"QA_DE_1A","agentTemplate":{"image":"x"}}""");
        var updated = BuildingBlockFixture.Resource("""{"availabilityZone":"QA_DE_1B","agentTemplate":{"image":"x"}}""");

        BuildingBlockFixture.Schema().ValidateUpdate(updated, old).Select(c => c.Field).Should().Equal("spec.availabilityZone");
    }

    [Test]
    public void ValidateUpdate_WhenMapListItemIsUnchangedButMoved_DropsItsError()
    {
        var old = BuildingBlockFixture.Resource("""{"availabilityZone":"qa","agentTemplate":{"image":"x"},"hosts":[{"name":"Bad"},{"name":"ok"}]}""");
        var updated = BuildingBlockFixture.Resource("""{"availabilityZone":"qa","agentTemplate":{"image":"x"},"hosts":[{"name":"ok"},{"name":"Bad"},{"name":"new"}]}""");

        BuildingBlockFixture.Schema().ValidateUpdate(updated, old).Should().BeEmpty();
    }

    [Test]
    public void ValidateUpdate_WhenValueIsNewlyAdded_ReportsIt()
    {
        var old = BuildingBlockFixture.Resource("""{"availabilityZone":"qa","agentTemplate":{"image":"x"},"hosts":[{"name":"ok"}]}""");
        var updated = BuildingBlockFixture.Resource("""{"availabilityZone":"qa","agentTemplate":{"image":"x"},"hosts":[{"name":"ok"},{"nodeName":"x"}]}""");

        BuildingBlockFixture.Schema().ValidateUpdate(updated, old)
            .Should().Equal(new StatusCause("FieldValueRequired", "spec.hosts[1].name", "Required value"));
    }

    [Test]
    public void ValidateUpdate_WhenAtomicListItemIsUnchanged_StillReportsIt()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"names":{"type":"array","items":{"type":"string","maxLength":1}}}}
            """));
        var old = BuildingBlockFixture.Json("""{"names":["long"]}""");
        var updated = BuildingBlockFixture.Json("""{"names":["long","b"]}""");

        schema.ValidateUpdate(updated, old).Select(c => c.Field).Should().Equal("names[0]");
    }

    [Test]
    public void ValidateUpdate_WhenOldObjectAlreadyHadDuplicates_SkipsListTypeChecks()
    {
        var old = BuildingBlockFixture.Resource("""{"availabilityZone":"qa","agentTemplate":{"image":"x"},"hosts":[{"name":"a"},{"name":"a"}]}""");
        var updated = BuildingBlockFixture.Resource("""{"availabilityZone":"qa","agentTemplate":{"image":"y"},"hosts":[{"name":"a"},{"name":"a"},{"name":"b"},{"name":"b"}]}""");

        BuildingBlockFixture.Schema().ValidateUpdate(updated, old).Should().BeEmpty();
    }

    [Test]
    public void ValidateUpdate_WhenOldObjectHadNoDuplicates_ReportsNewOnes()
    {
        var old = BuildingBlockFixture.Resource("""{"availabilityZone":"qa","agentTemplate":{"image":"x"},"hosts":[{"name":"a"}]}""");
        var updated = BuildingBlockFixture.Resource("""{"availabilityZone":"qa","agentTemplate":{"image":"x"},"hosts":[{"name":"a"},{"name":"a","nodeName":"n"}]}""");

        BuildingBlockFixture.Schema().ValidateUpdate(updated, old)
            .Should().Equal(new StatusCause("FieldValueDuplicate", "spec.hosts[1]", "Duplicate value: {\"name\":\"a\"}"));
    }
}
