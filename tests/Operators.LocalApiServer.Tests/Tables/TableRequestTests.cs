using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Tables;

namespace Operators.LocalApiServer.Tests.Tables;

public class TableRequestTests
{
    private const string Kubectl =
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    [Test]
    public void TryParse_OfKubectlsAcceptHeader_AsksForAV1TableWithMetadata()
    {
        TableRequest.TryParse(Kubectl, null, out var request).Should().BeTrue();

        request.Should().Be(new TableRequest("v1", TableIncludeObject.Metadata));
        request!.ApiVersion.Should().Be("meta.k8s.io/v1");
    }

    [TestCase("application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json;as=Table;v=v1;g=meta.k8s.io", "v1beta1")]
    [TestCase("application/json;as=Table;v=v2;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io", "v1beta1")]
    [TestCase("application/json;as=Table;v=v1;g=example.com,application/json;as=Table;v=v1;g=meta.k8s.io", "v1")]
    [TestCase("application/json;q=0.5,application/json;as=Table;v=v1;g=meta.k8s.io", "v1")]
    [TestCase("*/*,application/json;as=Table;v=v1;g=meta.k8s.io", "v1")]
    [TestCase("*/*;as=Table;v=v1;g=meta.k8s.io", "v1")]
    [TestCase("application/*;as=Table;v=v1;g=meta.k8s.io", "v1")]
    [TestCase("application/json ; as=Table ; v=v1 ; g=meta.k8s.io", "v1")]
    [TestCase("application/json;as=Table;v=v1;g=meta.k8s.io;stream=watch", "v1")]
    [TestCase("application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io", "v1beta1")]
    public void TryParse_PicksTheFirstAcceptableTableClause(string accept, string expectedVersion)
    {
        TableRequest.TryParse(accept, null, out var request).Should().BeTrue();

        request!.Version.Should().Be(expectedVersion);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("application/json")]
    [TestCase("*/*")]
    [TestCase("application/json,application/json;as=Table;v=v1;g=meta.k8s.io")]
    [TestCase("application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1;g=meta.k8s.io")]
    [TestCase("application/json;as=Table;v=v2;g=meta.k8s.io,application/json")]
    [TestCase("application/json;as=Table;g=meta.k8s.io")]
    [TestCase("application/yaml;as=Table;v=v1;g=meta.k8s.io")]
    [TestCase("application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io")]
    [TestCase("application/json;as=Table;v=v1;g=meta.k8s.io;stream=other")]
    [TestCase("text/plain;as=Table;v=v1;g=meta.k8s.io")]
    public void TryParse_WhenNoTableIsNegotiated_ReturnsFalse(string? accept)
    {
        TableRequest.TryParse(accept, null, out var request).Should().BeFalse();

        request.Should().BeNull();
    }

    [TestCase(null, "Metadata")]
    [TestCase("", "Metadata")]
    [TestCase("Metadata", "Metadata")]
    [TestCase("Object", "Object")]
    [TestCase("None", "None")]
    public void TryParse_ReadsIncludeObject(string? includeObject, string expected)
    {
        TableRequest.TryParse(Kubectl, includeObject, out var request).Should().BeTrue();

        request!.IncludeObject.Should().Be(Enum.Parse<TableIncludeObject>(expected));
    }

    [TestCase("object")]
    [TestCase("All")]
    public void TryParse_OfAnInvalidIncludeObjectForATable_IsABadRequest(string includeObject)
    {
        var parse = () => TableRequest.TryParse(Kubectl, includeObject, out _);

        parse.Should().Throw<ApiException>().Which.Should().BeEquivalentTo(new
        {
            Code = 400,
            Reason = "BadRequest",
            Message = $"Unable to convert to Table as requested: includeObject: Invalid value: \"{includeObject}\": must be 'Metadata', 'Object', 'None', or empty",
        });
    }

    [Test]
    public void TryParse_OfAnInvalidIncludeObjectWithoutATable_IsIgnored()
    {
        TableRequest.TryParse("application/json", "All", out _).Should().BeFalse();
    }
}
