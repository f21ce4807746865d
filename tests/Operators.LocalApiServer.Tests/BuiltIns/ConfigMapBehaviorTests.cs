using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class ConfigMapBehaviorTests
{
    private readonly ConfigMapBehavior _behavior = new();

    [Test]
    public void Validate_ForValidConfigMap_ReturnsNoCauses()
    {
        var configMap = TestJson.Parse("""
            {"metadata":{"name":"app-config","namespace":"ns","labels":{"conformance":"yes"},"annotations":{"note":"x"}},
             "data":{"a":"1"},"binaryData":{"blob":"AAEC"}}
            """);

        _behavior.Validate(configMap, null).Should().BeEmpty();
    }

    [Test]
    public void Validate_ForNameWithUppercaseAndUnderscore_ReportsTheSubdomainRule()
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"Not_Valid","namespace":"ns"},"data":{"a":"1"}}""");

        var cause = _behavior.Validate(configMap, null).Should().ContainSingle().Subject;

        cause.Reason.Should().Be("FieldValueInvalid");
        cause.Field.Should().Be("metadata.name");
        cause.Message.Should().Be(
            "Invalid value: \"Not_Valid\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }

    [Test]
    public void Validate_ForKeyWithControlCharacters_QuotesItAsGoStrconvQuote()
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"c","namespace":"ns"},"data":{"a\bb\u0085":"1"}}""");

        var cause = _behavior.Validate(configMap, null).Should().ContainSingle().Subject;

        cause.Field.Should().Be("data[a\bb\u0085]");
        cause.Message.Should().StartWith("Invalid value: \"a\\bb\\u0085\": ");
    }

    [Test]
    public void Validate_WithoutNameOrGenerateName_RequiresTheName()
    {
        var configMap = TestJson.Parse("""{"metadata":{"namespace":"ns"}}""");

        var cause = _behavior.Validate(configMap, null).Should().ContainSingle().Subject;

        cause.Should().Be(new StatusCause("FieldValueRequired", "metadata.name", "Required value: name or generateName is required"));
    }

    [Test]
    public void Validate_WithGeneratedNameFromLongPrefix_ReturnsNoCauses()
    {
        var prefix = new string('x', 71) + "-";
        var configMap = TestJson.Parse("""{"metadata":{"generateName":"@0@","name":"@1@abcde","namespace":"ns"}}""".Replace("@0@", prefix).Replace("@1@", prefix[..58]));

        _behavior.Validate(configMap, null).Should().BeEmpty();
    }

    [Test]
    public void Validate_WithDataOverOneMebibyte_ReportsTooLongForTheWholeObject()
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"big","namespace":"ns"},"data":{"big":"@0@"}}""".Replace("@0@", new string('x', 1_100_000)));

        var cause = _behavior.Validate(configMap, null).Should().ContainSingle().Subject;

        cause.Should().Be(new StatusCause("FieldValueTooLong", "[]", "Too long: must have at most 1048576 bytes"));
    }

    [Test]
    public void Validate_CountsBinaryDataDecodedTowardsTheLimit()
    {
        var binary = Convert.ToBase64String(new byte[600_000]);
        var configMap = TestJson.Parse("""{"metadata":{"name":"big","namespace":"ns"},"data":{"a":"@0@"},"binaryData":{"b":"@1@"}}""".Replace("@0@", new string('x', 500_000)).Replace("@1@", binary));

        _behavior.Validate(configMap, null).ReasonsAndFields().Should().Equal(("FieldValueTooLong", "[]"));
    }

    [TestCase("bad key!", "data[bad key!]")]
    [TestCase("no/slash", "data[no/slash]")]
    [TestCase("..hidden", "data[..hidden]")]
    public void Validate_WithInvalidDataKey_ReportsTheKey(string key, string field)
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"c","namespace":"ns"},"data":{"@0@":"v"}}""".Replace("@0@", key));

        _behavior.Validate(configMap, null).ReasonsAndFields().Should().Contain(("FieldValueInvalid", field));
    }

    [Test]
    public void Validate_WithKeyInDataAndBinaryData_ReportsTheDuplicate()
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"c","namespace":"ns"},"data":{"k":"v"},"binaryData":{"k":"AAEC"}}""");

        _behavior.Validate(configMap, null).ReasonsAndFields().Should().Equal(("FieldValueInvalid", "binaryData[k]"));
    }

    [TestCase("""{"Bad Key":"x"}""", "metadata.labels")]
    [TestCase("""{"app":"-starts-with-dash"}""", "metadata.labels")]
    public void Validate_WithInvalidLabel_ReportsMetadataLabels(string labels, string field)
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"c","namespace":"ns","labels":@0@}}""".Replace("@0@", labels));

        _behavior.Validate(configMap, null).ReasonsAndFields().Should().Equal(("FieldValueInvalid", field));
    }

    [Test]
    public void Validate_WithUppercaseAnnotationKey_AcceptsIt()
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"c","namespace":"ns","annotations":{"Example.COM/Team":"x"}}}""");

        _behavior.Validate(configMap, null).Should().BeEmpty();
    }

    [TestCase("my-finalizer", "metadata.finalizers[0]")]
    [TestCase("example.com/a/b", "metadata.finalizers")]
    public void Validate_WithInvalidFinalizer_ReportsIt(string finalizer, string field)
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"c","namespace":"ns","finalizers":["@0@"]}}""".Replace("@0@", finalizer));

        _behavior.Validate(configMap, null).ReasonsAndFields().Should().Contain(("FieldValueInvalid", field));
    }

    [Test]
    public void Validate_WithoutNamespace_RequiresIt()
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"c"}}""");

        _behavior.Validate(configMap, null).ReasonsAndFields().Should().Equal(("FieldValueRequired", "metadata.namespace"));
    }

    [Test]
    public void Validate_WithOwnerReferenceMissingUid_ReportsIt()
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"c","namespace":"ns","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner"}]}}""");

        _behavior.Validate(configMap, null).ReasonsAndFields().Should().Equal(("FieldValueInvalid", "metadata.ownerReferences.uid"));
    }

    [Test]
    public void Validate_UpdateOfImmutableConfigMapData_IsForbidden()
    {
        var old = TestJson.Parse("""{"metadata":{"name":"c","namespace":"ns"},"immutable":true,"data":{"a":"1"}}""");
        var updated = TestJson.Parse("""{"metadata":{"name":"c","namespace":"ns"},"immutable":true,"data":{"a":"2"}}""");

        _behavior.Validate(updated, old).ReasonsAndFields().Should().Equal(("FieldValueForbidden", "data"));
    }

    [Test]
    public void Validate_UpdateAddingFinalizerWhileDeleting_IsForbidden()
    {
        var old = TestJson.Parse("""{"metadata":{"name":"c","namespace":"ns","deletionTimestamp":"2024-01-01T00:00:00Z","finalizers":["a.io/x"]}}""");
        var updated = TestJson.Parse("""{"metadata":{"name":"c","namespace":"ns","deletionTimestamp":"2024-01-01T00:00:00Z","finalizers":["a.io/x","b.io/y"]}}""");

        var cause = _behavior.Validate(updated, old).Should().ContainSingle().Subject;

        cause.Field.Should().Be("metadata.finalizers");
        cause.Message.Should().Be("Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\"b.io/y\"}");
    }

    [Test]
    public void ApplyDefaults_WithNonBase64BinaryData_IsBadRequest()
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"c"},"binaryData":{"blob":"%%%"}}""");

        var error = FluentActions.Invoking(() => _behavior.ApplyDefaults(configMap)).Should().Throw<ApiException>().Which;

        error.Code.Should().Be(400);
        error.Message.Should().Be("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: illegal base64 data at input byte 0");
    }

    [Test]
    public void ApplyDefaults_WithNumberInData_IsBadRequest()
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"c"},"data":{"a":1}}""");

        FluentActions.Invoking(() => _behavior.ApplyDefaults(configMap)).Should().Throw<ApiException>()
            .Which.Reason.Should().Be("BadRequest");
    }

    [Test]
    public void ApplyDefaults_WithNumberAsLabelValue_IsBadRequest()
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"c","labels":{"a":1}}}""");

        FluentActions.Invoking(() => _behavior.ApplyDefaults(configMap)).Should().Throw<ApiException>().Which.Message.Should().Be(
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string");
    }

    [Test]
    public void ApplyDefaults_ForConfigMap_ChangesNothing()
    {
        var configMap = TestJson.Parse("""{"metadata":{"name":"c"},"data":{"a":"1"}}""");

        _behavior.ApplyDefaults(configMap);

        configMap.ToJsonString().Should().Be("""{"metadata":{"name":"c"},"data":{"a":"1"}}""");
        _behavior.TracksGeneration.Should().BeFalse();
    }
}
