using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Patching;

namespace Operators.LocalApiServer.Tests.Patching;

public class StrategicMergePatchDirectiveTests
{
    private static readonly StrategicMergeSchema Deployment = StrategicMergeSchema.ForKind("apps", "Deployment")!;

    private static readonly StrategicMergeSchema ConfigMap = StrategicMergeSchema.ForKind("", "ConfigMap")!;

    [TestCase("['a']", "['b']", "['b','a']")]
    [TestCase("['a','b']", "['b','c']", "['a','b','c']")]
    [TestCase("['a','b']", "['a']", "['a','b']")]
    [TestCase("['a','b']", "['b','a']", "['b','a']")]
    [TestCase("[]", "['a','a']", "['a']")]
    public void Apply_WhenFinalizersArePatched_MergesThemAsASetInKubeApiserversOrder(string finalizers, string patch, string expected)
    {
        var patched = Patch(ConfigMap, $"{{'metadata':{{'finalizers':{finalizers}}}}}", $"{{'metadata':{{'finalizers':{patch}}}}}");

        patched["metadata"]!["finalizers"].ShouldBeJson(expected);
    }

    [Test]
    public void Apply_WhenDeleteFromPrimitiveListIsGiven_RemovesThoseValues()
    {
        var patched = Patch(ConfigMap, "{'metadata':{'finalizers':['a','b','c']}}", "{'metadata':{'$deleteFromPrimitiveList/finalizers':['b','x']}}");

        patched["metadata"].ShouldBeJson("{'finalizers':['a','c']}");
    }

    [Test]
    public void Apply_WhenDeleteFromPrimitiveListNamesAMissingList_AddsNothing()
    {
        var patched = Patch(ConfigMap, "{'metadata':{'name':'c'}}", "{'metadata':{'$deleteFromPrimitiveList/finalizers':['b']}}");

        patched["metadata"].ShouldBeJson("{'name':'c'}");
    }

    [Test]
    public void Apply_WhenOwnerReferencesArePatched_MergesThemByUid()
    {
        var patched = Patch(ConfigMap,
            "{'metadata':{'ownerReferences':[{'uid':'1','name':'a','controller':true},{'uid':'2','name':'b'}]}}",
            "{'metadata':{'ownerReferences':[{'uid':'2','blockOwnerDeletion':true},{'uid':'1','$patch':'delete'}]}}");

        patched["metadata"]!["ownerReferences"].ShouldBeJson("[{'uid':'2','name':'b','blockOwnerDeletion':true}]");
    }

    [Test]
    public void Apply_WhenOnlyNewItemsArePatchedIn_PutsThemFirst()
    {
        var patched = Patch(Deployment,
            "{'spec':{'template':{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'c'}]}}}}");

        Names(patched).Should().Equal("c", "a", "b");
    }

    [Test]
    public void Apply_WhenListHasReplaceDirective_ReplacesTheList()
    {
        var patched = Patch(Deployment,
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','image':'a'},{'name':'b'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'b','image':'b'},{'$patch':'replace'}]}}}}");

        patched["spec"]!["template"]!["spec"]!["containers"].ShouldBeJson("[{'name':'b','image':'b'}]");
    }

    [Test]
    public void Apply_WhenMapHasReplaceDirective_ReplacesTheMap()
    {
        var patched = Patch(ConfigMap, "{'data':{'a':'1','b':'2'}}", "{'data':{'$patch':'replace','c':'3'}}");

        patched.ShouldBeJson("{'data':{'c':'3'}}");
    }

    [Test]
    public void Apply_WhenMapHasDeleteDirective_EmptiesTheMap()
    {
        var patched = Patch(ConfigMap, "{'data':{'a':'1'},'metadata':{'name':'c'}}", "{'data':{'$patch':'delete'}}");

        patched.ShouldBeJson("{'data':{},'metadata':{'name':'c'}}");
    }

    [Test]
    public void Apply_WhenRetainKeysIsGiven_KeepsOnlyThoseKeys()
    {
        var patched = Patch(Deployment,
            "{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}",
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}");

        patched.ShouldBeJson("{'spec':{'strategy':{'type':'Recreate'}}}");
    }

    [Test]
    public void Apply_WhenSetElementOrderIsGiven_OrdersTheMergedList()
    {
        var patched = Patch(Deployment,
            "{'spec':{'template':{'spec':{'containers':[{'name':'a'},{'name':'b'},{'name':'c'}]}}}}",
            "{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'c'},{'name':'a'},{'name':'b'}],'containers':[{'name':'a','image':'x'}]}}}}");

        Names(patched).Should().Equal("c", "a", "b");
        patched["spec"]!["template"]!["spec"]!["containers"]![1]!["image"].ShouldBeJson("'x'");
    }

    [Test]
    public void Apply_WhenSetElementOrderOrdersPrimitives_OrdersThem()
    {
        var patched = Patch(ConfigMap, "{'metadata':{'finalizers':['a','b','c']}}", "{'metadata':{'$setElementOrder/finalizers':['c','b','a']}}");

        patched["metadata"]!["finalizers"].ShouldBeJson("['c','b','a']");
    }

    [Test]
    public void Apply_WhenNewFieldCarriesDirectivesOrNulls_DropsThem()
    {
        var patched = Patch(Deployment,
            "{'spec':{'replicas':1}}",
            "{'spec':{'template':{'spec':{'volumes':[{'name':'a','$patch':'delete'},{'name':'b','secret':null}],'affinity':{'$patch':'replace'}}}}}");

        patched.ShouldBeJson("{'spec':{'replicas':1,'template':{'spec':{'volumes':[{'name':'b'}]}}}}");
    }

    [Test]
    public void Apply_WhenNewListItemCarriesNulls_DropsThem()
    {
        var patched = Patch(Deployment,
            "{'spec':{'template':{'spec':{'containers':[{'name':'a'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a'},{'name':'b','image':null}]}}}}");

        patched["spec"]!["template"]!["spec"]!["containers"].ShouldBeJson("[{'name':'a'},{'name':'b'}]");
    }

    [Test]
    public void Apply_WhenServicePortsArePatched_MergesThemByPort()
    {
        var service = StrategicMergeSchema.ForKind("", "Service")!;

        var patched = Patch(service,
            "{'spec':{'ports':[{'port':80,'targetPort':8080},{'port':443}]}}",
            "{'spec':{'ports':[{'port':80,'targetPort':9090}]}}");

        patched["spec"]!["ports"].ShouldBeJson("[{'port':80,'targetPort':9090},{'port':443}]");
    }

    [Test]
    public void Apply_WhenConditionsArePatched_MergesThemByType()
    {
        var patched = Patch(Deployment,
            "{'status':{'conditions':[{'type':'Available','status':'False'},{'type':'Progressing','status':'True'}]}}",
            "{'status':{'conditions':[{'type':'Available','status':'True'}]}}");

        patched["status"]!["conditions"].ShouldBeJson("[{'type':'Available','status':'True'},{'type':'Progressing','status':'True'}]");
    }

    [Test]
    public void Apply_WhenPatchIsNull_ChangesNothing()
    {
        StrategicMergePatch.Apply(Json.Object("{'data':{'a':'1'}}"), null, ConfigMap).ShouldBeJson("{'data':{'a':'1'}}");
    }

    [Test]
    public void Apply_DoesNotChangeItsArguments()
    {
        var target = Json.Object("{'metadata':{'finalizers':['a']},'data':{'a':'1'}}");
        var patch = Json.Object("{'metadata':{'finalizers':['b']},'data':{'a':null,'$patch':'replace'}}");

        StrategicMergePatch.Apply(target, patch, ConfigMap);

        target.ShouldBeJson("{'metadata':{'finalizers':['a']},'data':{'a':'1'}}");
        patch.ShouldBeJson("{'metadata':{'finalizers':['b']},'data':{'a':null,'$patch':'replace'}}");
    }

    private static JsonNode Patch(StrategicMergeSchema schema, string target, string patch) =>
        StrategicMergePatch.Apply(Json.Object(target), Json.Parse(patch), schema);

    private static IEnumerable<string?> Names(JsonNode deployment) =>
        deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]);
}
