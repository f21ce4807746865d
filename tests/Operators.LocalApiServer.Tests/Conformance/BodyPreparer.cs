using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// The structural part of normalization, done on a copy of a raw body before anything is
/// selected from it: drops <c>metadata.managedFields</c>, <c>selfLink</c> and
/// <c>storageVersionHash</c>; in a Table drops column descriptions and turns the cells of
/// <c>Age</c> and <c>date</c> columns into <c>&lt;age&gt;</c>.
/// </summary>
internal static class BodyPreparer
{
    /// <summary>The age placeholder of Table cells.</summary>
    public const string AgePlaceholder = "<age>";

    /// <summary>A cleaned copy of <paramref name="body"/>.</summary>
    public static JsonNode? Prepare(JsonNode? body)
    {
        var copy = body?.DeepClone();
        Clean(copy, propertyName: null);
        return copy;
    }

    private static void Clean(JsonNode? node, string? propertyName)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("selfLink");
                obj.Remove("storageVersionHash");
                if (propertyName == "metadata")
                {
                    obj.Remove("managedFields");
                }

                if (JsonText.StringOf(obj["kind"]) == "Table")
                {
                    CleanTable(obj);
                }

                foreach (var (key, value) in obj.ToList())
                {
                    Clean(value, key);
                }

                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    Clean(element, propertyName: null);
                }

                break;
            default:
                break;
        }
    }

    private static void CleanTable(JsonObject table)
    {
        var columns = (table["columnDefinitions"] as JsonArray)?.ToList() ?? [];
        var ageColumns = new List<int>();
        for (var index = 0; index < columns.Count; index++)
        {
            if (columns[index] is not JsonObject column)
            {
                continue;
            }

            column.Remove("description");
            if (JsonText.StringOf(column["name"]) == "Age" || JsonText.StringOf(column["type"]) == "date")
            {
                ageColumns.Add(index);
            }
        }

        var rows = (table["rows"] as JsonArray)?.OfType<JsonObject>() ?? [];
        foreach (var cells in rows.Select(row => row["cells"]).OfType<JsonArray>())
        {
            foreach (var index in ageColumns.Where(index => index < cells.Count))
            {
                cells[index] = AgePlaceholder;
            }
        }
    }
}
