namespace Operators.CrdGenerator;

/// <summary>Marks a list of scalars as <c>x-kubernetes-list-type: set</c>: no value may repeat.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ListSetAttribute : Attribute;
