using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>Leases: <c>Name</c>, <c>Holder</c> (<c>spec.holderIdentity</c>, empty when free), <c>Age</c>.</summary>
internal static class LeaseTable
{
    /// <summary>The definition.</summary>
    public static TableDefinition Definition { get; } = new(
        [CommonColumns.Name, new TableColumn("Holder", "string", Description: "The identity of the current holder."), CommonColumns.Age],
        (obj, now) => new JsonArray(
            JsonValue.Create(TableJson.Name(obj)),
            JsonValue.Create(TableJson.Text(obj, "spec", "holderIdentity")),
            JsonValue.Create(CommonColumns.AgeOf(obj, now))));
}
