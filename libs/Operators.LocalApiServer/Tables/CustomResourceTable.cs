using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// The Table of a custom resource: <c>Name</c>, then the served version's
/// <c>additionalPrinterColumns</c> (an <c>Age</c> column when it declares none), with cells from
/// their JSONPaths as kube-apiserver computes them.
/// </summary>
internal static class CustomResourceTable
{
    private const string CreationTimestampPath = ".metadata.creationTimestamp";

    /// <summary>
    /// The definition for a version's <c>additionalPrinterColumns</c> (objects with <c>name</c>,
    /// <c>type</c>, <c>format</c>, <c>description</c>, <c>priority</c>, <c>jsonPath</c>). Like
    /// kube-apiserver, it keeps the columns before the first one whose JSONPath does not parse.
    /// </summary>
    public static TableDefinition For(JsonArray? additionalPrinterColumns)
    {
        var printerColumns = additionalPrinterColumns is { Count: > 0 }
            ? ReadColumns(additionalPrinterColumns)
            : [(new TableColumn("Age", "date", Description: "The time since the object was created.", JsonPath: CreationTimestampPath), JsonPathExpression.Parse(CreationTimestampPath))];
        var columns = printerColumns.Select(c => c.Column).Prepend(CommonColumns.Name).ToList();
        return new TableDefinition(columns, (obj, now) => Cells(printerColumns, obj, now));
    }

    /// <summary>
    /// A cell from the first value a printer column's JSONPath found: <c>string</c> columns show
    /// any value as text; <c>integer</c>, <c>number</c> and <c>boolean</c> columns only a value of
    /// their kind (integers truncate floats); <c>date</c> columns an age. Otherwise <c>null</c>.
    /// </summary>
    public static JsonNode? CellValue(string type, JsonNode? value, DateTimeOffset now)
    {
        if (type == "string")
        {
            return JsonValue.Create(JsonPathPrinter.Print(value));
        }

        return (type, GoJson.KindOf(value)) switch
        {
            ("integer", GoJsonKind.Int) => JsonValue.Create(GoJson.GetInt64(value!)),
            ("integer", GoJsonKind.Float) => JsonValue.Create((long)GoJson.GetDouble(value!)),
            ("number", GoJsonKind.Int or GoJsonKind.Float) => JsonValue.Create(GoJson.GetDouble(value!)),
            ("boolean", GoJsonKind.Bool) => JsonValue.Create(value!.GetValue<bool>()),
            ("date", GoJsonKind.String) => JsonValue.Create(KubeTimestamp.Age(value!.GetValue<string>(), now)),
            _ => null,
        };
    }

    private static List<(TableColumn Column, JsonPathExpression Path)> ReadColumns(JsonArray printerColumns)
    {
        var columns = new List<(TableColumn, JsonPathExpression)>();
        foreach (var definition in printerColumns)
        {
            var jsonPath = TableJson.Text(definition, "jsonPath");
            JsonPathExpression path;
            try
            {
                path = JsonPathExpression.Parse(jsonPath);
            }
            catch (FormatException)
            {
                break;
            }

            var description = TableJson.Text(definition, "description");
            var column = new TableColumn(
                TableJson.Text(definition, "name"),
                TableJson.Text(definition, "type"),
                TableJson.Text(definition, "format"),
                description.Length > 0 ? description : "Custom resource definition column (in JSONPath format): " + jsonPath,
                (int)TableJson.Integer(definition, ["priority"]),
                jsonPath);
            columns.Add((column, path));
        }

        return columns;
    }

    private static JsonArray Cells(List<(TableColumn Column, JsonPathExpression Path)> printerColumns, JsonObject obj, DateTimeOffset now)
    {
        var cells = new JsonArray(JsonValue.Create(TableJson.Name(obj)));
        foreach (var (column, path) in printerColumns)
        {
            cells.Add(Cell(column.Type, path, obj, now));
        }

        return cells;
    }

    private static JsonNode? Cell(string type, JsonPathExpression path, JsonObject obj, DateTimeOffset now)
    {
        try
        {
            var results = path.Evaluate(obj);
            return results.Count == 0 ? null : CellValue(type, results[0], now);
        }
        catch (JsonPathEvaluationException)
        {
            return null;
        }
    }
}
