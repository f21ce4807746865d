using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Patching;

namespace Operators.LocalApiServer.Tests.Patching;

public class JsonMergePatchTests
{
    // RFC 7386 appendix A, for the object patches kube-apiserver accepts.
    [TestCase("{'a':'b'}", "{'a':'c'}", "{'a':'c'}")]
    [TestCase("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}")]
    [TestCase("{'a':'b'}", "{'a':null}", "{}")]
    [TestCase("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}")]
    [TestCase("{'a':['b']}", "{'a':'c'}", "{'a':'c'}")]
    [TestCase("{'a':'c'}", "{'a':['b']}", "{'a':['b']}")]
    [TestCase("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}")]
    [TestCase("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}")]
    [TestCase("{'e':null}", "{'a':1}", "{'e':null,'a':1}")]
    [TestCase("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}")]
    [TestCase("{'a':1}", "{}", "{'a':1}")]
    [TestCase("{'a':{'x':1}}", "{'a':{'y':2}}", "{'a':{'x':1,'y':2}}")]
    [TestCase("{'a':'b'}", "{'a':{'c':null,'d':1}}", "{'a':{'d':1}}")]
    public void Apply_FollowsRfc7386(string target, string patch, string expected)
    {
        JsonMergePatch.Apply(Json.Parse(target), Json.Object(patch)).ShouldBeJson(expected);
    }

    [Test]
    public void Apply_WhenConfigMapPatchSetsAndDeletesKeys_GivesTheRecordedObject()
    {
        var configMap = Json.Parse("{'kind':'ConfigMap','metadata':{'name':'m','labels':{'x':'1','y':'2'}},'data':{'a':'1','b':'2'}}");
        var patch = Json.Object("{'data':{'a':null,'c':'3'},'metadata':{'labels':{'x':null,'z':'3'}}}");

        JsonMergePatch.Apply(configMap, patch).ShouldBeJson(
            "{'kind':'ConfigMap','metadata':{'name':'m','labels':{'y':'2','z':'3'}},'data':{'b':'2','c':'3'}}");
    }

    [Test]
    public void Apply_WhenPatchHasAList_ReplacesTheWholeList()
    {
        var deployment = Json.Parse("{'spec':{'containers':[{'name':'agent','image':'agent:2'},{'name':'sidecar'}]}}");

        var patched = JsonMergePatch.Apply(deployment, Json.Object("{'spec':{'containers':[{'name':'only','image':'only:1'}]}}"));

        patched.ShouldBeJson("{'spec':{'containers':[{'name':'only','image':'only:1'}]}}");
    }

    [Test]
    public void Apply_WhenAddedValueHoldsNulls_DropsThemAsKubeApiserverDoes()
    {
        var patched = JsonMergePatch.Apply(Json.Parse("{}"), Json.Object("{'a':[1,null,{'b':null,'c':2}]}"));

        patched.ShouldBeJson("{'a':[1,{'c':2}]}");
    }

    [Test]
    public void Apply_DoesNotChangeItsArguments()
    {
        var target = Json.Parse("{'a':{'b':1}}");
        var patch = Json.Object("{'a':{'b':null,'c':{'d':null}}}");

        JsonMergePatch.Apply(target, patch);

        target.ShouldBeJson("{'a':{'b':1}}");
        patch.ShouldBeJson("{'a':{'b':null,'c':{'d':null}}}");
    }

    [TestCase("[1,2]", "error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}")]
    [TestCase("'text'", "error decoding patch: json: cannot unmarshal string into Go value of type map[string]interface {}")]
    [TestCase("3", "error decoding patch: json: cannot unmarshal number into Go value of type map[string]interface {}")]
    [TestCase("true", "error decoding patch: json: cannot unmarshal bool into Go value of type map[string]interface {}")]
    [TestCase("null", "Invalid JSON Patch")]
    public void Apply_WhenPatchIsNotAnObject_Throws400BadRequest(string patch, string message)
    {
        var act = () => JsonMergePatch.Apply(Json.Parse("{'a':1}"), Json.Parse(patch));

        var error = act.Should().Throw<PatchException>().Which;
        error.Code.Should().Be(400);
        error.Reason.Should().Be("BadRequest");
        error.Message.Should().Be(message);
    }
}
