namespace Operators.CrdGenerator;

/// <summary>
/// An additional printer column of the CRD (a column of <c>kubectl get</c>), in declaration order.
/// </summary>
/// <param name="name">The column header, e.g. <c>Ready</c>.</param>
/// <param name="jsonPath">A simple JSONPath into the object, e.g. <c>.status.conditions[?(@.type=="Ready")].status</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PrinterColumnAttribute(string name, string jsonPath) : Attribute
{
    /// <summary>The column header.</summary>
    public string Name { get; } = name;

    /// <summary>The JSONPath the column shows.</summary>
    public string JsonPath { get; } = jsonPath;

    /// <summary>The OpenAPI type: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c> or <c>date</c>.</summary>
    /// <value>The default value is <c>string</c>.</value>
    public string Type { get; init; } = "string";

    /// <summary>0 for the standard view; higher columns appear only with <c>-o wide</c>.</summary>
    public int Priority { get; init; }

    /// <summary>A human-readable description of the column.</summary>
    public string? Description { get; init; }
}
