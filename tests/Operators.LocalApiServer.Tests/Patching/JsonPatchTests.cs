using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Patching;

namespace Operators.LocalApiServer.Tests.Patching;

public class JsonPatchTests
{
    private const string ConfigMap = "{'metadata':{'name':'j','labels':{'x':'1'}},'data':{'a':'1'}}";

    [Test]
    public void Apply_WhenOperationsAddReplaceRemoveAndTest_GivesTheRecordedObject()
    {
        var patch = Json.Parse("""
            [{'op':'add','path':'/data/b','value':'2'},
             {'op':'replace','path':'/data/a','value':'10'},
             {'op':'remove','path':'/metadata/labels/x'},
             {'op':'test','path':'/data/b','value':'2'}]
            """);

        JsonPatch.Apply(Json.Object(ConfigMap), patch).ShouldBeJson("{'metadata':{'name':'j','labels':{}},'data':{'a':'10','b':'2'}}");
    }

    [Test]
    public void Apply_WhenKeyIsEscaped_UnescapesSlashAndTilde()
    {
        var patch = Json.Parse("""
            [{'op':'add','path':'/metadata/annotations','value':{}},
             {'op':'add','path':'/metadata/annotations/example.com~1team','value':'a'},
             {'op':'add','path':'/metadata/annotations/a~0b~01','value':'b'}]
            """);

        var patched = JsonPatch.Apply(Json.Object(ConfigMap), patch);

        patched["metadata"]!["annotations"].ShouldBeJson("{'example.com/team':'a','a~b~1':'b'}");
    }

    [TestCase("[{'op':'add','path':'/l/-','value':9}]", "{'l':[1,2,3,9]}")]
    [TestCase("[{'op':'add','path':'/l/0','value':9}]", "{'l':[9,1,2,3]}")]
    [TestCase("[{'op':'add','path':'/l/3','value':9}]", "{'l':[1,2,3,9]}")]
    [TestCase("[{'op':'add','path':'/l/-1','value':9}]", "{'l':[1,2,3,9]}")]
    [TestCase("[{'op':'remove','path':'/l/1'}]", "{'l':[1,3]}")]
    [TestCase("[{'op':'remove','path':'/l/-1'}]", "{'l':[1,2]}")]
    [TestCase("[{'op':'replace','path':'/l/0','value':7}]", "{'l':[7,2,3]}")]
    [TestCase("[{'op':'move','from':'/l/0','path':'/l/-'}]", "{'l':[2,3,1]}")]
    [TestCase("[{'op':'copy','from':'/l/2','path':'/m'}]", "{'l':[1,2,3],'m':3}")]
    [TestCase("[{'op':'move','from':'/l','path':'/m'}]", "{'m':[1,2,3]}")]
    [TestCase("[{'op':'add','path':'/o','value':{'p':[{'q':null}]}}]", "{'l':[1,2,3],'o':{'p':[{'q':null}]}}")]
    [TestCase("[{'op':'add','path':'/l','value':'x'}]", "{'l':'x'}")]
    [TestCase("[{'op':'test','path':'/l','value':[1,2,3]},{'op':'test','path':'/l/1','value':2}]", "{'l':[1,2,3]}")]
    [TestCase("[]", "{'l':[1,2,3]}")]
    [TestCase("null", "{'l':[1,2,3]}")]
    public void Apply_AppliesEachOperationInOrder(string patch, string expected)
    {
        JsonPatch.Apply(Json.Object("{'l':[1,2,3]}"), Json.Parse(patch)).ShouldBeJson(expected);
    }

    [Test]
    public void Apply_WhenReplacingAMissingMember_AddsItAsKubeApiserverDoes()
    {
        var patched = JsonPatch.Apply(Json.Object(ConfigMap), Json.Parse("[{'op':'replace','path':'/data/new','value':'v'}]"));

        patched["data"].ShouldBeJson("{'a':'1','new':'v'}");
    }

    [Test]
    public void Apply_WhenPathIsTheRoot_ReplacesTheDocument()
    {
        var patched = JsonPatch.Apply(Json.Object(ConfigMap), Json.Parse("[{'op':'replace','path':'','value':{'a':1}}]"));

        patched.ShouldBeJson("{'a':1}");
    }

    [Test]
    public void Apply_WhenTestFails_Throws422WithoutChangingTheTarget()
    {
        var target = Json.Object(ConfigMap);
        var patch = Json.Parse("[{'op':'replace','path':'/data/a','value':'11'},{'op':'test','path':'/data/a','value':'999'}]");

        var act = () => JsonPatch.Apply(target, patch);

        var error = act.Should().Throw<PatchException>().Which;
        error.Code.Should().Be(422);
        error.Reason.Should().Be("Invalid");
        error.Message.Should().Be("the server rejected our request due to an error in our request");
        error.Detail.Should().Be("testing value /data/a failed");
        target.ShouldBeJson(ConfigMap);
    }

    [TestCase("[{'op':'remove','path':'/data/zzz'}]", "remove operation does not apply: doc is missing key: /data/zzz")]
    [TestCase("[{'op':'add','path':'/missing/x','value':1}]", "doc is missing path: /missing/x")]
    [TestCase("[{'op':'add','path':'/data/a/x','value':1}]", "doc is missing path: /data/a/x")]
    [TestCase("[{'op':'add','path':'/l/4','value':1}]", "Unable to access invalid index: /l/4")]
    [TestCase("[{'op':'add','path':'/l/x','value':1}]", "Unable to access invalid index: /l/x")]
    [TestCase("[{'op':'remove','path':'/l/3'}]", "Unable to access invalid index: /l/3")]
    [TestCase("[{'op':'remove','path':'/l/-'}]", "Unable to access invalid index: /l/-")]
    [TestCase("[{'op':'replace','path':'/l/-4','value':1}]", "Unable to access invalid index: /l/-4")]
    [TestCase("[{'op':'test','path':'/data/zzz','value':'1'}]", "testing value /data/zzz failed")]
    [TestCase("[{'op':'test','path':'/l','value':[1,2]}]", "testing value /l failed")]
    [TestCase("[{'op':'move','from':'/data/zzz','path':'/data/b'}]", "remove operation does not apply: doc is missing key: /data/zzz")]
    [TestCase("[{'op':'copy','from':'/data/zzz','path':'/data/b'}]", "copy operation does not apply: doc is missing from path: /data/zzz")]
    [TestCase("[{'op':'move','from':'','path':'/data/b'}]", "unable to move entire document to another path")]
    [TestCase("[{'op':'remove','path':''}]", "remove operation does not apply: the whole document cannot be removed")]
    [TestCase("[{'op':'replace','path':'','value':1}]", "replace operation value must be object or array")]
    [TestCase("[{'op':'remove','path':'data'}]", "remove operation does not apply: invalid pointer: data")]
    [TestCase("[{'op':'remove'}]", "remove operation is missing its path field")]
    [TestCase("[{'op':'move','path':'/a'}]", "move operation is missing its from field")]
    [TestCase("[{'op':'frobnicate','path':'/a'}]", "Unexpected kind: frobnicate")]
    [TestCase("[{'path':'/a'}]", "Unexpected kind: unknown")]
    [TestCase("[null]", "Unexpected kind: unknown")]
    public void Apply_WhenAnOperationDoesNotApply_Throws422Invalid(string patch, string detail)
    {
        var target = Json.Object("{'metadata':{'name':'j'},'data':{'a':'1'},'l':[1,2,3]}");

        var act = () => JsonPatch.Apply(target, Json.Parse(patch));

        var error = act.Should().Throw<PatchException>().Which;
        error.Code.Should().Be(422);
        error.Reason.Should().Be("Invalid");
        error.Detail.Should().Be(detail);
    }

    [Test]
    public void Apply_WhenTestingAMissingMemberForNull_Passes()
    {
        var patch = Json.Parse("[{'op':'test','path':'/data/zzz','value':null},{'op':'add','path':'/data/b','value':'2'}]");

        JsonPatch.Apply(Json.Object(ConfigMap), patch)["data"].ShouldBeJson("{'a':'1','b':'2'}");
    }

    [TestCase("{'op':'add'}", "error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp")]
    [TestCase("'add'", "error decoding patch: json: cannot unmarshal string into Go value of type []handlers.jsonPatchOp")]
    [TestCase("[1]", "error decoding patch: json: cannot unmarshal number into Go value of type handlers.jsonPatchOp")]
    [TestCase("[[]]", "error decoding patch: json: cannot unmarshal array into Go value of type handlers.jsonPatchOp")]
    [TestCase("[{'op':1,'path':'/a'}]", "error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string")]
    [TestCase("[{'op':'add','path':true}]", "error decoding patch: json: cannot unmarshal bool into Go struct field jsonPatchOp.path of type string")]
    [TestCase("[{'op':'move','path':'/a','from':{}}]", "error decoding patch: json: cannot unmarshal object into Go struct field jsonPatchOp.from of type string")]
    public void Apply_WhenDocumentIsNotAListOfOperations_Throws400BadRequest(string patch, string message)
    {
        var act = () => JsonPatch.Apply(Json.Object(ConfigMap), Json.Parse(patch));

        var error = act.Should().Throw<PatchException>().Which;
        error.Code.Should().Be(400);
        error.Reason.Should().Be("BadRequest");
        error.Message.Should().Be(message);
    }

    [Test]
    public void Apply_WhenPatchHasMoreThanTenThousandOperations_Throws413()
    {
        var operations = new JsonArray();
        for (var i = 0; i <= JsonPatch.MaxOperations; i++)
        {
            operations.Add(new JsonObject { ["op"] = "test", ["path"] = "/data/a", ["value"] = "1" });
        }

        var act = () => JsonPatch.Apply(Json.Object(ConfigMap), operations);

        var error = act.Should().Throw<PatchException>().Which;
        error.Code.Should().Be(413);
        error.Reason.Should().Be("RequestEntityTooLarge");
        error.Message.Should().Be("Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001");
    }

    [Test]
    public void Apply_DoesNotChangeThePatchDocument()
    {
        var patch = Json.Parse("[{'op':'add','path':'/data/o','value':{'k':'v'}},{'op':'add','path':'/data/o/k2','value':'v2'}]");

        JsonPatch.Apply(Json.Object(ConfigMap), patch);

        patch.ShouldBeJson("[{'op':'add','path':'/data/o','value':{'k':'v'}},{'op':'add','path':'/data/o/k2','value':'v2'}]");
    }
}
