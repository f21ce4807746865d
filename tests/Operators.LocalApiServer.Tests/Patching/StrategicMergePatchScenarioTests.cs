using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Patching;

namespace Operators.LocalApiServer.Tests.Patching;

/// <summary>The steps of the strategic-merge-patch conformance scenario, with its recorded outcomes.</summary>
public class StrategicMergePatchScenarioTests
{
    private const string CreatedDeployment = """
        {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'smp','labels':{'app':'smp'}},
         'spec':{'replicas':0,'selector':{'matchLabels':{'app':'smp'}},
          'template':{'metadata':{'labels':{'app':'smp'}},'spec':{'containers':[
            {'name':'agent','image':'agent:1',
             'ports':[{'name':'http','containerPort':8080,'protocol':'TCP'}],
             'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],
             'resources':{},'terminationMessagePath':'/dev/termination-log','terminationMessagePolicy':'File','imagePullPolicy':'IfNotPresent'},
            {'name':'sidecar','image':'sidecar:1',
             'resources':{},'terminationMessagePath':'/dev/termination-log','terminationMessagePolicy':'File','imagePullPolicy':'IfNotPresent'}]}}}}
        """;

    private static readonly StrategicMergeSchema Deployment = StrategicMergeSchema.ForKind("apps", "Deployment")!;

    [Test]
    public void Apply_WhenContainerAndEnvAreMergedByName_KeepsOtherItemsAndAppendsNewEnv()
    {
        var patched = Patch(Json.Object(CreatedDeployment),
            "{'spec':{'template':{'spec':{'containers':[{'name':'agent','image':'agent:2','env':[{'name':'B','value':'20'},{'name':'C','value':'3'}]}]}}}}");

        var containers = Containers(patched);
        containers.Select(c => (string?)c!["name"]).Should().Equal("agent", "sidecar");
        containers[0]!["image"].ShouldBeJson("'agent:2'");
        containers[0]!["env"].ShouldBeJson("[{'name':'A','value':'1'},{'name':'B','value':'20'},{'name':'C','value':'3'}]");
        containers[0]!["ports"].ShouldBeJson("[{'name':'http','containerPort':8080,'protocol':'TCP'}]");
        containers[0]!["terminationMessagePath"].ShouldBeJson("'/dev/termination-log'");
        containers[1]!["image"].ShouldBeJson("'sidecar:1'");
    }

    [Test]
    public void Apply_WhenListItemHasDeleteDirective_RemovesThatItem()
    {
        var afterFirstPatch = Patch(Json.Object(CreatedDeployment),
            "{'spec':{'template':{'spec':{'containers':[{'name':'agent','env':[{'name':'B','value':'20'},{'name':'C','value':'3'}]}]}}}}");

        var patched = Patch(afterFirstPatch,
            "{'spec':{'template':{'spec':{'containers':[{'name':'sidecar','$patch':'delete'},{'name':'agent','env':[{'name':'A','$patch':'delete'}]}]}}}}");

        var containers = Containers(patched);
        containers.Select(c => (string?)c!["name"]).Should().Equal("agent");
        containers[0]!["env"].ShouldBeJson("[{'name':'B','value':'20'},{'name':'C','value':'3'}]");
    }

    [Test]
    public void Apply_WhenVolumesAndVolumeMountsAreNew_AddsThemAndKeepsTheImage()
    {
        var patched = Patch(Json.Object(CreatedDeployment),
            "{'spec':{'template':{'spec':{'volumes':[{'name':'cfg','configMap':{'name':'c'}}],'containers':[{'name':'agent','volumeMounts':[{'name':'cfg','mountPath':'/etc/nova'}]}]}}}}");

        patched["spec"]!["template"]!["spec"]!["volumes"].ShouldBeJson("[{'name':'cfg','configMap':{'name':'c'}}]");
        Containers(patched)[0]!["volumeMounts"].ShouldBeJson("[{'name':'cfg','mountPath':'/etc/nova'}]");
        Containers(patched)[0]!["image"].ShouldBeJson("'agent:1'");
    }

    [Test]
    public void Apply_WhenMountsAndPortsExist_MergesMountsByMountPathAndPortsByContainerPort()
    {
        var deployment = Json.Object("""
            {'spec':{'template':{'spec':{'containers':[{'name':'agent',
              'ports':[{'containerPort':8080,'name':'http'},{'containerPort':9090,'name':'metrics'}],
              'volumeMounts':[{'name':'cfg','mountPath':'/etc/nova'},{'name':'logs','mountPath':'/var/log'}]}]}}}}
            """);

        var patched = Patch(deployment,
            "{'spec':{'template':{'spec':{'containers':[{'name':'agent','ports':[{'containerPort':9090,'protocol':'UDP'}],'volumeMounts':[{'mountPath':'/etc/nova','readOnly':true}]}]}}}}");

        Containers(patched)[0]!["ports"].ShouldBeJson("[{'containerPort':8080,'name':'http'},{'containerPort':9090,'name':'metrics','protocol':'UDP'}]");
        Containers(patched)[0]!["volumeMounts"].ShouldBeJson("[{'name':'cfg','mountPath':'/etc/nova','readOnly':true},{'name':'logs','mountPath':'/var/log'}]");
    }

    [TestCase("tolerations", "[{'key':'a','operator':'Exists'},{'key':'b','operator':'Exists'}]", "[{'key':'c','operator':'Exists'}]")]
    [TestCase("readinessGates", "[{'conditionType':'a'},{'conditionType':'b'}]", "[{'conditionType':'c'}]")]
    public void Apply_WhenListHasNoMergeStrategy_ReplacesTheWholeList(string field, string before, string patch)
    {
        var deployment = Json.Object($"{{'spec':{{'template':{{'spec':{{'{field}':{before}}}}}}}}}");

        var patched = Patch(deployment, $"{{'spec':{{'template':{{'spec':{{'{field}':{patch}}}}}}}}}");

        patched["spec"]!["template"]!["spec"]![field].ShouldBeJson(patch);
    }

    [TestCase("envFrom", "[{'configMapRef':{'name':'a'}}]", "[{'secretRef':{'name':'b'}}]")]
    [TestCase("args", "['--a','--b']", "['--c']")]
    public void Apply_WhenContainerListHasNoMergeStrategy_ReplacesTheWholeList(string field, string before, string patch)
    {
        var deployment = Json.Object($"{{'spec':{{'template':{{'spec':{{'containers':[{{'name':'agent','{field}':{before}}}]}}}}}}}}");

        var patched = Patch(deployment, $"{{'spec':{{'template':{{'spec':{{'containers':[{{'name':'agent','{field}':{patch}}}]}}}}}}}}");

        Containers(patched)[0]![field].ShouldBeJson(patch);
    }

    [Test]
    public void Apply_WhenFieldIsNull_DeletesIt()
    {
        var patched = Patch(Json.Object(CreatedDeployment), "{'metadata':{'labels':{'app':null}},'spec':{'replicas':null}}");

        patched["metadata"]!["labels"].ShouldBeJson("{}");
        patched["spec"]!.AsObject().ContainsKey("replicas").Should().BeFalse();
    }

    private static JsonNode Patch(JsonNode target, string patch) => StrategicMergePatch.Apply(target, Json.Parse(patch), Deployment);

    private static JsonArray Containers(JsonNode deployment) => deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
}
