using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class SecretBehaviorTests
{
    private readonly SecretBehavior _behavior = new();

    [Test]
    public void ApplyDefaults_WithStringData_MergesItIntoBase64DataAndDefaultsTheType()
    {
        var secret = TestJson.Parse("""{"metadata":{"name":"creds"},"data":{"user":"YWRtaW4="},"stringData":{"password":"s3cret"}}""");

        _behavior.ApplyDefaults(secret);

        secret.ToJsonString().Should().Be(
            """{"metadata":{"name":"creds"},"data":{"user":"YWRtaW4=","password":"czNjcmV0"},"type":"Opaque"}""");
    }

    [Test]
    public void ApplyDefaults_WithStringDataForAnExistingKey_LetsStringDataWin()
    {
        var secret = TestJson.Parse("""{"data":{"k":"YQ=="},"stringData":{"k":"b"},"type":"kubernetes.io/basic-auth"}""");

        _behavior.ApplyDefaults(secret);

        secret.At("data.k")!.GetValue<string>().Should().Be("Yg==");
        secret["type"]!.GetValue<string>().Should().Be("kubernetes.io/basic-auth");
    }

    [Test]
    public void ApplyDefaults_WithNonBase64Data_IsBadRequest()
    {
        var secret = TestJson.Parse("""{"metadata":{"name":"bad"},"data":{"x":"%%%"}}""");

        var error = FluentActions.Invoking(() => _behavior.ApplyDefaults(secret)).Should().Throw<ApiException>().Which;

        error.Code.Should().Be(400);
        error.Message.Should().Be("Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 0");
    }

    [Test]
    public void Validate_WithInvalidKeyFromStringData_ReportsItUnderData()
    {
        var secret = TestJson.Parse("""{"metadata":{"name":"bad2","namespace":"ns"},"stringData":{"no/slash":"v"}}""");
        _behavior.ApplyDefaults(secret);

        _behavior.Validate(secret, null).ReasonsAndFields().Should().Equal(("FieldValueInvalid", "data[no/slash]"));
    }

    [Test]
    public void Validate_UpdateChangingType_ReportsTypeImmutable()
    {
        var old = TestJson.Parse("""{"metadata":{"name":"creds","namespace":"ns"},"data":{"user":"YQ=="},"type":"Opaque"}""");
        var updated = TestJson.Parse("""{"metadata":{"name":"creds","namespace":"ns"},"data":{"username":"YQ=="},"type":"kubernetes.io/basic-auth"}""");

        var cause = _behavior.Validate(updated, old).Should().ContainSingle().Subject;

        cause.Should().Be(new StatusCause("FieldValueInvalid", "type", "Invalid value: \"kubernetes.io/basic-auth\": field is immutable"));
    }

    [TestCase("kubernetes.io/basic-auth", "{}", new[] { "data[password]", "data[username]" })]
    [TestCase("kubernetes.io/tls", """{"tls.crt":"YQ=="}""", new[] { "data[tls.key]" })]
    [TestCase("kubernetes.io/dockerconfigjson", "{}", new[] { "data[.dockerconfigjson]" })]
    [TestCase("Opaque", "{}", new string[0])]
    public void Validate_ForSecretType_RequiresItsKeys(string type, string data, string[] requiredFields)
    {
        var secret = TestJson.Parse("""{"metadata":{"name":"s","namespace":"ns"},"type":"@0@","data":@1@}""".Replace("@0@", type).Replace("@1@", data));

        _behavior.Validate(secret, null).Select(c => c.Field).Should().BeEquivalentTo(requiredFields);
    }

    [Test]
    public void Validate_WithDataOverOneMebibyte_ReportsTooLongOnData()
    {
        var secret = TestJson.Parse("""{"metadata":{"name":"s","namespace":"ns"},"data":{"a":"@0@"}}""".Replace("@0@", Convert.ToBase64String(new byte[1_100_000])));

        _behavior.Validate(secret, null).ReasonsAndFields().Should().Equal(("FieldValueTooLong", "data"));
    }
}
