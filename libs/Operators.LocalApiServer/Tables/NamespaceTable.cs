using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>Namespaces: <c>Name</c>, <c>Status</c> (the phase, <c>Active</c> or <c>Terminating</c>), <c>Age</c>.</summary>
internal static class NamespaceTable
{
    /// <summary>The definition.</summary>
    public static TableDefinition Definition { get; } = new(
        [CommonColumns.Name, new TableColumn("Status", "string", Description: "The phase of the namespace."), CommonColumns.Age],
        (obj, now) => new JsonArray(
            JsonValue.Create(TableJson.Name(obj)),
            JsonValue.Create(TableJson.Text(obj, "status", "phase")),
            JsonValue.Create(CommonColumns.AgeOf(obj, now))));
}
