using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>Secrets: <c>Name</c>, <c>Type</c>, <c>Data</c> (the number of <c>data</c> entries), <c>Age</c>.</summary>
internal static class SecretTable
{
    /// <summary>The definition.</summary>
    public static TableDefinition Definition { get; } = new(
        [
            CommonColumns.Name,
            new TableColumn("Type", "string", Description: "The type of the secret, such as Opaque."),
            new TableColumn("Data", "string", Description: "The number of data entries."),
            CommonColumns.Age,
        ],
        (obj, now) => new JsonArray(
            JsonValue.Create(TableJson.Name(obj)),
            JsonValue.Create(TableJson.Text(obj, "type")),
            JsonValue.Create((long)TableJson.Members(obj, "data").Count),
            JsonValue.Create(CommonColumns.AgeOf(obj, now))));
}
