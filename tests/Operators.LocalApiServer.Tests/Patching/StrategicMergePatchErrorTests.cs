using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Patching;

namespace Operators.LocalApiServer.Tests.Patching;

public class StrategicMergePatchErrorTests
{
    private const string Deployment = "{'metadata':{'name':'d','finalizers':['a']},'spec':{'template':{'spec':{'containers':[{'name':'agent','image':'x'}]}}}}";

    [TestCase("[1,2]", "json: cannot unmarshal array into Go value of type map[string]interface {}")]
    [TestCase("'x'", "json: cannot unmarshal string into Go value of type map[string]interface {}")]
    [TestCase("{'spec':{'$retainKeys':'template'}}", "invalid patch format of retainKeys")]
    [TestCase("{'spec':{'replicas':2,'$retainKeys':['template']}}", "invalid patch format of retainKeys")]
    [TestCase("{'metadata':{'$deleteFromPrimitiveList':['a']}}", "invalid patch format of primitive list")]
    [TestCase("{'metadata':{'$deleteFromPrimitiveListX/finalizers':['a']}}", "invalid patch format of primitive list")]
    [TestCase("{'metadata':{'$setElementOrder':['a']}}", "invalid patch format of setElementOrder list")]
    public void Apply_WhenPatchIsMalformed_Throws400BadRequest(string patch, string message)
    {
        var error = ApplyFailing(patch);

        error.Code.Should().Be(400);
        error.Reason.Should().Be("BadRequest");
        error.Message.Should().Be(message);
    }

    [Test]
    public void Apply_WhenListHoldsLists_Throws422Invalid()
    {
        var error = ApplyFailing("{'spec':{'template':{'spec':{'volumes':[['b']]}}}}");

        error.Code.Should().Be(422);
        error.Reason.Should().Be("Invalid");
        error.Message.Should().Be(PatchException.GenericInvalidMessage);
        error.Detail.Should().Be("lists of lists are not supported");
    }

    [TestCase("{'spec':{'template':{'spec':{'containers':[{'image':'y'}]}}}}",
        "map: map[image:y] does not contain declared merge key: name")]
    [TestCase("{'spec':{'template':{'spec':{'containers':[{'$patch':'delete','image':'y'}]}}}}",
        "map: map[$patch:delete image:y] does not contain declared merge key: name")]
    [TestCase("{'spec':{'template':{'spec':{'containers':[{'name':'agent','$patch':'merge'}]}}}}",
        "merging lists cannot yet be specified in the patch")]
    [TestCase("{'spec':{'template':{'spec':{'containers':[{'name':'agent','$patch':'bogus'}]}}}}",
        "unknown patch type: bogus in map: map[$patch:bogus name:agent]")]
    [TestCase("{'spec':{'$patch':'merge','replicas':1}}",
        "unknown patch type: merge in map: map[$patch:merge replicas:1]")]
    [TestCase("{'spec':{'$patch':1}}",
        "unknown patch type: %!s(int64=1) in map: map[$patch:1]")]
    [TestCase("{'spec':{'template':{'spec':{'containers':['agent']}}}}",
        "list element types are not identical: [[map[image:x name:agent]] [agent]]")]
    [TestCase("{'spec':{'template':{'spec':{'$setElementOrder/containers':{'name':'agent'}}}}}",
        "expected a []interface {}, but received a map[string]interface {}")]
    [TestCase("{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'agent'}],'containers':[{'name':'agent'},{'name':'b'}]}}}}",
        "the order in patch list:\n[map[name:agent] map[name:b]]\n doesn't match $setElementOrder list:\n[map[name:b] map[name:agent]]")]
    [TestCase("{'spec':{'template':{'spec':{'$setElementOrder/volumes':[]}}}}",
        "no elements in any of the given slices")]
    public void Apply_WhenKubeApiserverCannotMerge_Throws500WithoutReason(string patch, string message)
    {
        var error = ApplyFailing(patch);

        error.Code.Should().Be(500);
        error.Reason.Should().BeEmpty();
        error.Message.Should().Be(message);
    }

    private static PatchException ApplyFailing(string patch)
    {
        var schema = StrategicMergeSchema.ForKind("apps", "Deployment")!;
        var target = Json.Object(Deployment);
        target["spec"]!["template"]!["spec"]!["volumes"] = new System.Text.Json.Nodes.JsonArray();

        var act = () => StrategicMergePatch.Apply(target, Json.Parse(patch), schema);

        return act.Should().Throw<PatchException>().Which;
    }
}
