using System.Globalization;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// Deployments: <c>Name</c>, <c>Ready</c> (<c>ready/desired</c>), <c>Up-to-date</c>,
/// <c>Available</c>, <c>Age</c> and, at priority 1, <c>Containers</c>, <c>Images</c>, <c>Selector</c>.
/// </summary>
internal static class DeploymentTable
{
    /// <summary>The definition.</summary>
    public static TableDefinition Definition { get; } = new(
        [
            CommonColumns.Name,
            new TableColumn("Ready", "string", Description: "Ready pods out of the desired replicas."),
            new TableColumn("Up-to-date", "string", Description: "Pods updated to the current template."),
            new TableColumn("Available", "string", Description: "Pods available to serve."),
            CommonColumns.Age,
            new TableColumn("Containers", "string", Priority: 1, Description: "The names of the containers in the template."),
            new TableColumn("Images", "string", Priority: 1, Description: "The images of the containers in the template."),
            new TableColumn("Selector", "string", Priority: 1, Description: "The label selector of the pods."),
        ],
        Cells);

    private static JsonArray Cells(JsonObject obj, DateTimeOffset now)
    {
        var desired = TableJson.Integer(obj, ["spec", "replicas"], fallback: 1);
        var ready = TableJson.Integer(obj, ["status", "readyReplicas"]);
        var containers = TableJson.Items(obj, "spec", "template", "spec", "containers");
        return new JsonArray(
            JsonValue.Create(TableJson.Name(obj)),
            JsonValue.Create(ready.ToString(CultureInfo.InvariantCulture) + "/" + desired.ToString(CultureInfo.InvariantCulture)),
            JsonValue.Create(TableJson.Integer(obj, ["status", "updatedReplicas"])),
            JsonValue.Create(TableJson.Integer(obj, ["status", "availableReplicas"])),
            JsonValue.Create(CommonColumns.AgeOf(obj, now)),
            JsonValue.Create(string.Join(',', containers.Select(c => TableJson.Text(c, "name")))),
            JsonValue.Create(string.Join(',', containers.Select(c => TableJson.Text(c, "image")))),
            JsonValue.Create(LabelSelectorText.Format(TableJson.At(obj, "spec", "selector"))));
    }
}
