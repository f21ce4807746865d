namespace Operators.CrdGenerator;

/// <summary>
/// Marks a property <c>nullable: true</c> in the schema: an explicit JSON <c>null</c> is kept
/// instead of being rejected or pruned.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SchemaNullableAttribute : Attribute;
