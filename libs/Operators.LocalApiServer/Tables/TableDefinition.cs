using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// How one resource is printed as a Table: its columns and how to compute a row's cells. Get one
/// from <see cref="BuiltInTableColumns"/> or <see cref="CustomResourceTable"/>.
/// </summary>
/// <param name="columns">The column definitions, in cell order.</param>
/// <param name="cells">The cells of an object at a given time (ages depend on it), one per column.</param>
/// <param name="emptyRowsAsNull">
/// True for kube-apiserver's default printer (used for CRDs), which answers an empty list with
/// <c>"rows": null</c> rather than <c>[]</c>.
/// </param>
internal sealed class TableDefinition(
    IReadOnlyList<TableColumn> columns,
    Func<JsonObject, DateTimeOffset, JsonArray> cells,
    bool emptyRowsAsNull = false)
{
    /// <summary>The column definitions, in cell order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; } = columns;

    /// <summary>True when an empty list has <c>"rows": null</c>.</summary>
    public bool EmptyRowsAsNull { get; } = emptyRowsAsNull;

    /// <summary>The cells of <paramref name="obj"/> at <paramref name="now"/>.</summary>
    public JsonArray CellsOf(JsonObject obj, DateTimeOffset now) => cells(obj, now);
}
