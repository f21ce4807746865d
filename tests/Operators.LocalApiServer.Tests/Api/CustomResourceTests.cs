using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Operators.LocalApiServer.Tests.Api;

public sealed class CustomResourceTests : ServerFixture
{
    private const string Group = "tests.operators.dev";
    private const string Plural = "widgets";

    [OneTimeSetUp]
    public async Task CreateDefinition()
    {
        var crd = KubernetesJson.Deserialize<V1CustomResourceDefinition>(WidgetCrd);
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        (await EventuallyAsync(async () =>
        {
            var stored = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(Plural + "." + Group);
            return stored.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true;
        })).Should().BeTrue();
    }

    [Test]
    public async Task Create_AppliesSchemaDefaultsAndPrunesUnknownFields()
    {
        var created = await CreateAsync("w1", new JsonObject { ["zone"] = "qa-de-1a", ["colour"] = "blue" });

        created["spec"]!["replicas"]!.GetValue<int>().Should().Be(1, "the schema defaults replicas to 1");
        created["spec"]!.AsObject().ContainsKey("colour").Should().BeFalse("unknown fields are pruned");
        created["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
    }

    [Test]
    public async Task Create_WithInvalidField_Is422WithFieldCause()
    {
        var act = () => CreateAsync("w2", new JsonObject { ["zone"] = "QA_DE_1A" });

        var error = (await act.Should().ThrowAsync<HttpOperationException>()).Which;
        ((int)error.Response.StatusCode).Should().Be(422);
        var status = JsonNode.Parse(error.Response.Content)!;
        status["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("spec.zone");
        status["details"]!["causes"]![0]!["reason"]!.GetValue<string>().Should().Be("FieldValueInvalid");
    }

    [Test]
    public async Task Create_WithDuplicateListMapKeys_Is422Duplicate()
    {
        var spec = new JsonObject { ["zone"] = "a", ["hosts"] = new JsonArray(new JsonObject { ["name"] = "h" }, new JsonObject { ["name"] = "h" }) };

        var act = () => CreateAsync("w3", spec);

        var error = (await act.Should().ThrowAsync<HttpOperationException>()).Which;
        error.Response.Content.Should().Contain("FieldValueDuplicate").And.Contain("spec.hosts[1]");
    }

    [Test]
    public async Task StatusSubresource_IsolatesSpecAndStatus_AndOnlySpecBumpsGeneration()
    {
        await CreateAsync("w4", new JsonObject { ["zone"] = "a" });

        var statusPatch = new V1Patch("{\"status\":{\"ready\":true},\"spec\":{\"zone\":\"ignored\"}}", V1Patch.PatchType.MergePatch);
        var afterStatus = ToNode(await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(statusPatch, Group, "v1", Ns, Plural, "w4"));
        afterStatus["status"]!["ready"]!.GetValue<bool>().Should().BeTrue();
        afterStatus["spec"]!["zone"]!.GetValue<string>().Should().Be("a");
        afterStatus["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);

        var mainPatch = new V1Patch("{\"status\":{\"ready\":false},\"spec\":{\"zone\":\"b\"}}", V1Patch.PatchType.MergePatch);
        var afterMain = ToNode(await Client.CustomObjects.PatchNamespacedCustomObjectAsync(mainPatch, Group, "v1", Ns, Plural, "w4"));
        afterMain["status"]!["ready"]!.GetValue<bool>().Should().BeTrue("the main endpoint ignores status");
        afterMain["spec"]!["zone"]!.GetValue<string>().Should().Be("b");
        afterMain["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
    }

    [Test]
    public async Task StrategicMergePatch_OnCustomResource_Is415()
    {
        await CreateAsync("w5", new JsonObject { ["zone"] = "a" });

        var act = () => Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("{\"spec\":{\"zone\":\"b\"}}", V1Patch.PatchType.StrategicMergePatch), Group, "v1", Ns, Plural, "w5");

        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task List_AsTable_UsesPrinterColumnsWithConditionFilter()
    {
        await CreateAsync("w6", new JsonObject { ["zone"] = "qa-de-1b" });
        await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}", V1Patch.PatchType.MergePatch), Group, "v1", Ns, Plural, "w6");
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"apis/{Group}/v1/namespaces/{Ns}/{Plural}");
        request.Headers.TryAddWithoutValidation("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");

        using var response = await http.SendAsync(request);
        var table = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        table["kind"]!.GetValue<string>().Should().Be("Table");
        table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().StartWith(["Name", "Zone", "Ready"]);
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        cells[0]!.GetValue<string>().Should().Be("w6");
        cells[1]!.GetValue<string>().Should().Be("qa-de-1b");
        cells[2]!.GetValue<string>().Should().Be("True");
    }

    [Test]
    public async Task DeleteDefinition_StopsServingAndRemovesCustomResources()
    {
        var crd = KubernetesJson.Deserialize<V1CustomResourceDefinition>(WidgetCrd.Replace("widgets", "gadgets", StringComparison.Ordinal).Replace("Widget", "Gadget", StringComparison.Ordinal));
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            new JsonObject { ["apiVersion"] = Group + "/v1", ["kind"] = "Gadget", ["metadata"] = new JsonObject { ["name"] = "g" }, ["spec"] = new JsonObject { ["zone"] = "a" } },
            Group, "v1", Ns, "gadgets");

        await Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("gadgets." + Group);

        (await EventuallyAsync(async () =>
        {
            try
            {
                await Client.CustomObjects.ListNamespacedCustomObjectAsync(Group, "v1", Ns, "gadgets");
                return false;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return true;
            }
        })).Should().BeTrue();
    }

    private async Task<JsonObject> CreateAsync(string name, JsonObject spec)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = Group + "/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = spec,
        };
        return ToNode(await Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, Group, "v1", Ns, Plural));
    }

    private static JsonObject ToNode(object result) => result switch
    {
        JsonElement element => JsonNode.Parse(element.GetRawText())!.AsObject(),
        _ => JsonNode.Parse(JsonSerializer.Serialize(result))!.AsObject(),
    };

    private const string WidgetCrd = """
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": { "name": "widgets.tests.operators.dev" },
          "spec": {
            "group": "tests.operators.dev",
            "scope": "Namespaced",
            "names": { "plural": "widgets", "singular": "widget", "kind": "Widget", "shortNames": ["wd"], "categories": ["testing"] },
            "versions": [{
              "name": "v1", "served": true, "storage": true,
              "subresources": { "status": {} },
              "additionalPrinterColumns": [
                { "name": "Zone", "type": "string", "jsonPath": ".spec.zone" },
                { "name": "Ready", "type": "string", "jsonPath": ".status.conditions[?(@.type==\"Ready\")].status" }
              ],
              "schema": { "openAPIV3Schema": {
                "type": "object",
                "properties": {
                  "spec": {
                    "type": "object",
                    "required": ["zone"],
                    "properties": {
                      "zone": { "type": "string", "maxLength": 63, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" },
                      "replicas": { "type": "integer", "default": 1, "minimum": 0 },
                      "hosts": {
                        "type": "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"],
                        "items": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } }
                      }
                    }
                  },
                  "status": {
                    "type": "object",
                    "properties": {
                      "ready": { "type": "boolean" },
                      "conditions": {
                        "type": "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["type"],
                        "items": { "type": "object", "required": ["type", "status"], "properties": { "type": { "type": "string" }, "status": { "type": "string" } } }
                      }
                    }
                  }
                }
              } }
            }]
          }
        }
        """;
}
