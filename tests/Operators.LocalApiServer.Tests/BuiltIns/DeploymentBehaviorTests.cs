using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class DeploymentBehaviorTests
{
    private const string AgentDeployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"agent","namespace":"ns","labels":{"app":"agent"}},
         "spec":{"replicas":0,"selector":{"matchLabels":{"app":"agent"}},
                 "template":{"metadata":{"labels":{"app":"agent"}},
                             "spec":{"containers":[{"name":"agent","image":"registry.example/agent:1.0"}]}}}}
        """;

    private readonly DeploymentBehavior _behavior = new();

    [Test]
    public void ApplyDefaults_ForDeploymentWithoutStrategy_SetsRollingUpdate25Percent()
    {
        var deployment = Defaulted(AgentDeployment);

        deployment.At("spec.strategy")!.ToJsonString().Should().Be(
            """{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"25%","maxSurge":"25%"}}""");
    }

    [Test]
    public void ApplyDefaults_ForRecordedDeployment_MatchesKubeApiServer()
    {
        var deployment = Defaulted(AgentDeployment);

        deployment.At("spec.replicas")!.GetValue<int>().Should().Be(0);
        deployment.At("spec.revisionHistoryLimit")!.GetValue<int>().Should().Be(10);
        deployment.At("spec.progressDeadlineSeconds")!.GetValue<int>().Should().Be(600);
        deployment.At("spec.template.spec.restartPolicy")!.GetValue<string>().Should().Be("Always");
        deployment.At("spec.template.spec.dnsPolicy")!.GetValue<string>().Should().Be("ClusterFirst");
        deployment.At("spec.template.spec.terminationGracePeriodSeconds")!.GetValue<int>().Should().Be(30);
        deployment.At("spec.template.spec.schedulerName")!.GetValue<string>().Should().Be("default-scheduler");
        deployment.At("spec.template.spec.securityContext")!.ToJsonString().Should().Be("{}");
        JsonNode.DeepEquals(deployment.At("spec.template.spec.containers.0"), JsonNode.Parse("""
            {"name":"agent","image":"registry.example/agent:1.0","resources":{},"terminationMessagePath":"/dev/termination-log",
             "terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}
            """)).Should().BeTrue(deployment.At("spec.template.spec.containers.0")!.ToJsonString());
        deployment["status"]!.ToJsonString().Should().Be("{}");
    }

    [Test]
    public void ApplyDefaults_WithoutReplicas_SetsOne()
    {
        var deployment = TestJson.Parse(AgentDeployment);
        deployment["spec"]!.AsObject().Remove("replicas");

        _behavior.ApplyDefaults(deployment);

        deployment.At("spec.replicas")!.GetValue<int>().Should().Be(1);
    }

    [Test]
    public void ApplyDefaults_WithRecreateStrategy_AddsNoRollingUpdate()
    {
        var deployment = TestJson.Parse(AgentDeployment);
        deployment["spec"]!["strategy"] = new JsonObject { ["type"] = "Recreate" };

        _behavior.ApplyDefaults(deployment);

        deployment.At("spec.strategy")!.ToJsonString().Should().Be("""{"type":"Recreate"}""");
    }

    [TestCase("agent:1", "IfNotPresent")]
    [TestCase("agent", "Always")]
    [TestCase("agent:latest", "Always")]
    [TestCase("registry:5000/team/agent", "Always")]
    [TestCase("registry:5000/team/agent:2", "IfNotPresent")]
    [TestCase("agent@sha256:0123", "IfNotPresent")]
    public void DefaultPullPolicy_DependsOnTheTag(string image, string policy)
    {
        PodTemplateDefaults.DefaultPullPolicy(image).Should().Be(policy);
    }

    [Test]
    public void ApplyDefaults_ForPortsProbesEnvAndVolumes_FillsKubeDefaults()
    {
        var deployment = TestJson.Parse(AgentDeployment);
        deployment["spec"]!["template"]!["spec"] = JsonNode.Parse("""
            {"containers":[{"name":"agent","image":"agent:1","imagePullPolicy":"Never",
               "ports":[{"containerPort":8080,"name":"http"}],
               "env":[{"name":"NODE","valueFrom":{"fieldRef":{"fieldPath":"spec.nodeName"}}}],
               "livenessProbe":{"httpGet":{"port":8080}},
               "readinessProbe":{"exec":{"command":["true"]},"periodSeconds":5}}],
             "volumes":[{"name":"cfg","configMap":{"name":"c"}},{"name":"creds","secret":{"secretName":"s"}},{"name":"scratch"}]}
            """);

        _behavior.ApplyDefaults(deployment);

        var spec = deployment.At("spec.template.spec")!;
        spec.At("containers.0.imagePullPolicy")!.GetValue<string>().Should().Be("Never");
        spec.At("containers.0.ports.0")!.ToJsonString().Should().Be("""{"containerPort":8080,"name":"http","protocol":"TCP"}""");
        spec.At("containers.0.env.0.valueFrom.fieldRef.apiVersion")!.GetValue<string>().Should().Be("v1");
        spec.At("containers.0.livenessProbe")!.ToJsonString().Should().Be(
            """{"httpGet":{"port":8080,"path":"/","scheme":"HTTP"},"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3}""");
        spec.At("containers.0.readinessProbe.periodSeconds")!.GetValue<int>().Should().Be(5);
        spec.At("volumes.0.configMap")!.ToJsonString().Should().Be("""{"name":"c","defaultMode":420}""");
        spec.At("volumes.1.secret.defaultMode")!.GetValue<int>().Should().Be(420);
        spec.At("volumes.2.emptyDir")!.ToJsonString().Should().Be("{}");
    }

    [Test]
    public void ApplyDefaults_IsIdempotent()
    {
        var once = Defaulted(AgentDeployment);
        var twice = once.DeepClone().AsObject();

        _behavior.ApplyDefaults(twice);

        JsonNode.DeepEquals(once, twice).Should().BeTrue();
    }

    [Test]
    public void Validate_ForDefaultedDeployment_ReturnsNoCauses()
    {
        _behavior.Validate(Defaulted(AgentDeployment), null).Should().BeEmpty();
    }

    [Test]
    public void Validate_WithoutSelector_RequiresIt()
    {
        var deployment = Defaulted(AgentDeployment);
        deployment["spec"]!.AsObject().Remove("selector");

        _behavior.Validate(deployment, null).ReasonsAndFields().Should().Equal(("FieldValueRequired", "spec.selector"));
    }

    [Test]
    public void Validate_WithTemplateLabelsNotMatchingSelector_ReportsTemplateLabels()
    {
        var deployment = Defaulted(AgentDeployment);
        deployment["spec"]!["template"]!["metadata"]!["labels"] = new JsonObject { ["app"] = "other" };

        var cause = _behavior.Validate(deployment, null).Should().ContainSingle().Subject;

        cause.Field.Should().Be("spec.template.metadata.labels");
        cause.Message.Should().Be("Invalid value: map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`");
    }

    [Test]
    public void Validate_WithMatchExpressionSatisfiedByTemplate_ReturnsNoCauses()
    {
        var deployment = Defaulted(AgentDeployment);
        deployment["spec"]!["selector"] = JsonNode.Parse("""{"matchExpressions":[{"key":"app","operator":"In","values":["agent","x"]}]}""");

        _behavior.Validate(deployment, null).Should().BeEmpty();
    }

    [Test]
    public void Validate_WithEmptySelector_ReportsIt()
    {
        var deployment = Defaulted(AgentDeployment);
        deployment["spec"]!["selector"] = new JsonObject();

        _behavior.Validate(deployment, null).ReasonsAndFields().Should().Equal(("FieldValueInvalid", "spec.selector"));
    }

    [Test]
    public void Validate_WithContainerWithoutNameAndImage_RequiresBoth()
    {
        var deployment = Defaulted(AgentDeployment);
        deployment["spec"]!["template"]!["spec"]!["containers"] = JsonNode.Parse("""[{"imagePullPolicy":"Always","terminationMessagePolicy":"File"}]""");

        _behavior.Validate(deployment, null).ReasonsAndFields().Should().BeEquivalentTo(new[]
        {
            ("FieldValueRequired", "spec.template.spec.containers[0].name"),
            ("FieldValueRequired", "spec.template.spec.containers[0].image"),
        });
    }

    [Test]
    public void Validate_WithoutContainers_RequiresThem()
    {
        var deployment = Defaulted(AgentDeployment);
        deployment["spec"]!["template"]!["spec"]!["containers"] = new JsonArray();

        _behavior.Validate(deployment, null).ReasonsAndFields().Should().Equal(("FieldValueRequired", "spec.template.spec.containers"));
    }

    [Test]
    public void Validate_WithDuplicateContainerNames_ReportsTheSecond()
    {
        var deployment = TestJson.Parse(AgentDeployment);
        deployment["spec"]!["template"]!["spec"]!["containers"] = JsonNode.Parse("""[{"name":"a","image":"x:1"},{"name":"a","image":"y:1"}]""");
        _behavior.ApplyDefaults(deployment);

        _behavior.Validate(deployment, null).ReasonsAndFields().Should().Equal(("FieldValueDuplicate", "spec.template.spec.containers[1].name"));
    }

    [Test]
    public void Validate_WithVolumeMountOfUnknownVolume_ReportsNotFound()
    {
        var deployment = TestJson.Parse(AgentDeployment);
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["volumeMounts"] = JsonNode.Parse("""[{"name":"cfg","mountPath":"/etc/nova"}]""");
        _behavior.ApplyDefaults(deployment);

        _behavior.Validate(deployment, null).ReasonsAndFields().Should().Equal(("FieldValueNotFound", "spec.template.spec.containers[0].volumeMounts[0].name"));
    }

    [TestCase("replicas", -1, "spec.replicas")]
    [TestCase("revisionHistoryLimit", -1, "spec.revisionHistoryLimit")]
    [TestCase("minReadySeconds", -5, "spec.minReadySeconds")]
    public void Validate_WithNegativeNumber_ReportsIt(string key, int value, string field)
    {
        var deployment = Defaulted(AgentDeployment);
        deployment["spec"]![key] = value;

        _behavior.Validate(deployment, null).ReasonsAndFields().Should().Equal(("FieldValueInvalid", field));
    }

    [Test]
    public void Validate_WithNeverRestartPolicy_OnlyAllowsAlways()
    {
        var deployment = Defaulted(AgentDeployment);
        deployment["spec"]!["template"]!["spec"]!["restartPolicy"] = "Never";

        _behavior.Validate(deployment, null).ReasonsAndFields().Should().Equal(("FieldValueNotSupported", "spec.template.spec.restartPolicy"));
    }

    [Test]
    public void Validate_WithBothMaxSurgeAndMaxUnavailableZero_ReportsMaxUnavailable()
    {
        var deployment = Defaulted(AgentDeployment);
        deployment["spec"]!["strategy"] = JsonNode.Parse("""{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":0,"maxSurge":"0%"}}""");

        _behavior.Validate(deployment, null).ReasonsAndFields().Should().Equal(("FieldValueInvalid", "spec.strategy.rollingUpdate.maxUnavailable"));
    }

    [Test]
    public void Validate_UpdateChangingSelector_ReportsItImmutable()
    {
        var old = Defaulted(AgentDeployment);
        var updated = old.DeepClone().AsObject();
        updated["spec"]!["selector"] = JsonNode.Parse("""{"matchLabels":{"app":"agent","tier":"x"}}""");
        updated["spec"]!["template"]!["metadata"]!["labels"]!["tier"] = "x";

        var cause = _behavior.Validate(updated, old).Should().ContainSingle().Subject;

        cause.Field.Should().Be("spec.selector");
        cause.Message.Should().EndWith(": field is immutable");
    }

    [Test]
    public void Validate_UpdateChangingOnlyReplicas_ReturnsNoCauses()
    {
        var old = Defaulted(AgentDeployment);
        var updated = old.DeepClone().AsObject();
        updated["spec"]!["replicas"] = 3;

        _behavior.Validate(updated, old).Should().BeEmpty();
    }

    [Test]
    public void ApplyDefaults_WithStringReplicas_IsBadRequest()
    {
        var deployment = TestJson.Parse(AgentDeployment);
        deployment["spec"]!["replicas"] = "2";

        FluentActions.Invoking(() => _behavior.ApplyDefaults(deployment)).Should().Throw<Errors.ApiException>()
            .Which.Message.Should().Be(
                "Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32");
    }

    private JsonObject Defaulted(string json)
    {
        var deployment = TestJson.Parse(json);
        _behavior.ApplyDefaults(deployment);
        return deployment;
    }
}
