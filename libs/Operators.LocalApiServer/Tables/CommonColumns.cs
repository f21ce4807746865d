using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>Columns that many built-in tables share, and their cells.</summary>
internal static class CommonColumns
{
    /// <summary>The object's name; format <c>name</c> tells clients it identifies the row.</summary>
    public static TableColumn Name { get; } =
        new("Name", "string", "name", "The name of the object, unique within its namespace.");

    /// <summary>The age of a built-in object: preformatted text, so of type <c>string</c>.</summary>
    public static TableColumn Age { get; } =
        new("Age", "string", Description: "The time since the object was created.");

    /// <summary>The <see cref="Age"/> cell: the age of <c>metadata.creationTimestamp</c>.</summary>
    public static string AgeOf(JsonObject obj, DateTimeOffset now) =>
        KubeTimestamp.Age(TableJson.At(obj, "metadata", "creationTimestamp"), now);
}
