namespace Operators.LocalApiServer.Tables;

/// <summary>
/// A column of a Table, as in <c>columnDefinitions</c>. <paramref name="JsonPath"/> is the CRD printer
/// column's expression; built-in columns compute their cells in code and have none.
/// </summary>
/// <param name="Name">The header, such as <c>Name</c> or <c>Ready Agents</c>.</param>
/// <param name="Type">The OpenAPI type: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c> or <c>date</c>.</param>
/// <param name="Format">The OpenAPI format; <c>name</c> marks the object's name column.</param>
/// <param name="Description">What the column shows.</param>
/// <param name="Priority">0 for the default view, higher for <c>-o wide</c>.</param>
/// <param name="JsonPath">The printer column's JSONPath, if any.</param>
internal sealed record TableColumn(
    string Name,
    string Type,
    string Format = "",
    string Description = "",
    int Priority = 0,
    string? JsonPath = null);
