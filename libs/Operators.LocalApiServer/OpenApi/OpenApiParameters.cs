using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.OpenApi;

/// <summary>The OpenAPI v3 parameter objects of the operations the server publishes.</summary>
internal static class OpenApiParameters
{
    /// <summary>A required path parameter, e.g. <c>name</c> or <c>namespace</c>.</summary>
    public static JsonObject Path(string name, string description) => new()
    {
        ["name"] = name,
        ["in"] = "path",
        ["description"] = description,
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    /// <summary>The query parameters of an operation with the given <c>x-kubernetes-action</c>.</summary>
    public static JsonArray ForAction(string action) => action switch
    {
        "list" => Query(LabelSelector, FieldSelector, Limit, Continue, ResourceVersion, Watch),
        "post" or "put" or "patch" => Query(DryRun, FieldManager, FieldValidation),
        "delete" => Query(DryRun, PropagationPolicy),
        "deletecollection" => Query(DryRun, PropagationPolicy, LabelSelector, FieldSelector),
        _ => [],
    };

    private static (string Name, string Type, string Description) DryRun =>
        ("dryRun", "string", "When present, the change is validated but not persisted. The only valid value is All.");

    private static (string Name, string Type, string Description) FieldManager =>
        ("fieldManager", "string", "The name of the actor making the change.");

    private static (string Name, string Type, string Description) FieldValidation =>
        ("fieldValidation", "string", "How the server treats unknown and duplicate fields in the body: Ignore, Warn (the default) or Strict.");

    private static (string Name, string Type, string Description) PropagationPolicy =>
        ("propagationPolicy", "string", "Whether and how dependents are garbage collected: Orphan, Background or Foreground.");

    private static (string Name, string Type, string Description) LabelSelector =>
        ("labelSelector", "string", "Restricts the objects to those whose labels match.");

    private static (string Name, string Type, string Description) FieldSelector =>
        ("fieldSelector", "string", "Restricts the objects to those whose fields match.");

    private static (string Name, string Type, string Description) Limit =>
        ("limit", "integer", "The maximum number of objects to return; the list metadata carries a continue token when more remain.");

    private static (string Name, string Type, string Description) Continue =>
        ("continue", "string", "The token of a previous page, to read the next one.");

    private static (string Name, string Type, string Description) ResourceVersion =>
        ("resourceVersion", "string", "The resource version the list or watch starts from.");

    private static (string Name, string Type, string Description) Watch =>
        ("watch", "boolean", "Streams additions, updates and deletions instead of returning a list.");

    private static JsonArray Query(params (string Name, string Type, string Description)[] parameters) =>
        new(parameters.Select(p => (JsonNode?)new JsonObject
        {
            ["name"] = p.Name,
            ["in"] = "query",
            ["description"] = p.Description,
            ["schema"] = new JsonObject { ["type"] = p.Type, ["uniqueItems"] = true },
        }).ToArray());
}
