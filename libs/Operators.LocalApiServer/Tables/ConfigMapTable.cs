using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>ConfigMaps: <c>Name</c>, <c>Data</c> (the number of <c>data</c> and <c>binaryData</c> entries), <c>Age</c>.</summary>
internal static class ConfigMapTable
{
    /// <summary>The definition.</summary>
    public static TableDefinition Definition { get; } = new(
        [CommonColumns.Name, new TableColumn("Data", "string", Description: "The number of data and binaryData entries."), CommonColumns.Age],
        (obj, now) => new JsonArray(
            JsonValue.Create(TableJson.Name(obj)),
            JsonValue.Create((long)(TableJson.Members(obj, "data").Count + TableJson.Members(obj, "binaryData").Count)),
            JsonValue.Create(CommonColumns.AgeOf(obj, now))));
}
