using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// kube-apiserver's default printer, used for resources without a printer of their own (such as
/// CustomResourceDefinitions): <c>Name</c> and <c>Created At</c>, the creation time in RFC 3339.
/// </summary>
internal static class DefaultTable
{
    /// <summary>The definition.</summary>
    public static TableDefinition Definition { get; } = new(
        [CommonColumns.Name, new TableColumn("Created At", "date", Description: "The time the object was created.")],
        (obj, _) => new JsonArray(
            JsonValue.Create(TableJson.Name(obj)),
            JsonValue.Create(KubeTimestamp.Rfc3339Utc(TableJson.At(obj, "metadata", "creationTimestamp")))),
        emptyRowsAsNull: true);
}
