using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// Builds the <c>Table</c> kube-apiserver answers when a client asks for server-side printing:
/// <c>kind</c>, <c>apiVersion</c>, <c>metadata</c>, <c>columnDefinitions</c> and one row per object,
/// each row with its <c>cells</c> and the <c>object</c> that <c>includeObject</c> asked for.
/// </summary>
internal static class TableBuilder
{
    /// <summary>The Table of a list (or one page of it).</summary>
    /// <param name="table">How the resource is printed.</param>
    /// <param name="objects">The items, in list order.</param>
    /// <param name="request">The negotiated Table request.</param>
    /// <param name="listResourceVersion">The list's resourceVersion.</param>
    /// <param name="continueToken">The token of the next page, if any.</param>
    /// <param name="remainingItemCount">The list's <c>remainingItemCount</c>, when the list has one.</param>
    /// <param name="now">The time ages are computed at.</param>
    public static JsonObject Build(
        TableDefinition table,
        IReadOnlyList<JsonObject> objects,
        TableRequest request,
        string listResourceVersion,
        string? continueToken,
        long? remainingItemCount,
        DateTimeOffset now)
    {
        var metadata = Metadata(listResourceVersion);
        if (!string.IsNullOrEmpty(continueToken))
        {
            metadata["continue"] = continueToken;
        }

        if (remainingItemCount is { } remaining)
        {
            metadata["remainingItemCount"] = remaining;
        }

        var rows = objects.Count == 0 && table.EmptyRowsAsNull
            ? null
            : new JsonArray(objects.Select(obj => (JsonNode?)Row(table, obj, request, now)).ToArray());
        return Table(table, request, metadata, rows, includeColumnDefinitions: true);
    }

    /// <summary>
    /// The Table of one object: for a GET, and for each event of a watch that asked for Tables.
    /// <c>metadata.resourceVersion</c> is the object's.
    /// </summary>
    /// <param name="table">How the resource is printed.</param>
    /// <param name="obj">The object.</param>
    /// <param name="request">The negotiated Table request.</param>
    /// <param name="now">The time ages are computed at.</param>
    /// <param name="includeColumnDefinitions">
    /// False for every watch event after the first: kube-apiserver sends the headers once and
    /// then <c>"columnDefinitions": null</c>.
    /// </param>
    public static JsonObject ForSingleObject(
        TableDefinition table,
        JsonObject obj,
        TableRequest request,
        DateTimeOffset now,
        bool includeColumnDefinitions = true)
    {
        var metadata = Metadata(TableJson.Text(obj, "metadata", "resourceVersion"));
        return Table(table, request, metadata, new JsonArray(Row(table, obj, request, now)), includeColumnDefinitions);
    }

    private static JsonObject Metadata(string resourceVersion)
    {
        var metadata = new JsonObject();
        if (resourceVersion.Length > 0)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return metadata;
    }

    private static JsonObject Table(TableDefinition table, TableRequest request, JsonObject metadata, JsonArray? rows, bool includeColumnDefinitions) =>
        new()
        {
            ["kind"] = "Table",
            ["apiVersion"] = request.ApiVersion,
            ["metadata"] = metadata,
            ["columnDefinitions"] = includeColumnDefinitions
                ? new JsonArray(table.Columns.Select(c => (JsonNode?)ColumnDefinition(c)).ToArray())
                : null,
            ["rows"] = rows,
        };

    private static JsonObject ColumnDefinition(TableColumn column) => new()
    {
        ["name"] = column.Name,
        ["type"] = column.Type,
        ["format"] = column.Format,
        ["description"] = column.Description,
        ["priority"] = column.Priority,
    };

    private static JsonObject Row(TableDefinition table, JsonObject obj, TableRequest request, DateTimeOffset now) => new()
    {
        ["cells"] = table.CellsOf(obj, now),
        ["object"] = request.IncludeObject switch
        {
            TableIncludeObject.Object => obj.DeepClone(),
            TableIncludeObject.Metadata => new JsonObject
            {
                ["kind"] = "PartialObjectMetadata",
                ["apiVersion"] = request.ApiVersion,
                ["metadata"] = obj["metadata"]?.DeepClone() ?? new JsonObject(),
            },
            _ => null,
        },
    };
}
