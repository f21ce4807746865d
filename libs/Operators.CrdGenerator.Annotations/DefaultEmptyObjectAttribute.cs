namespace Operators.CrdGenerator;

/// <summary>
/// Gives an object property the default <c>{}</c>, so that the defaults of its own properties
/// apply when a user omits it (structural defaulting only descends into objects that exist).
/// Scalar and list defaults use <see cref="System.ComponentModel.DefaultValueAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DefaultEmptyObjectAttribute : Attribute;
