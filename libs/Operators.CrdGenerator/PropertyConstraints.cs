using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using k8s.Models;

namespace Operators.CrdGenerator;

/// <summary>
/// Applies a property's attributes to its schema (the table of the annotations' README). Value
/// constraints (<c>[AllowedValues]</c>, <c>[StringLength]</c>, <c>[RegularExpression]</c>,
/// <c>[Range]</c>) on a list constrain its items. An attribute that cannot apply to the property's
/// shape is an error naming the property, never silently dropped.
/// </summary>
internal static class PropertyConstraints
{
    /// <summary>Applies every schema attribute of <paramref name="property"/> to <paramref name="schema"/>.</summary>
    [RequiresUnreferencedCode("Reads attributes by reflection.")]
    public static void Apply(PropertyInfo property, V1JSONSchemaProps schema)
    {
        var where = $"{property.DeclaringType?.Name}.{property.Name}";
        var isArray = schema.Type == "array";
        var valueSchema = isArray ? (V1JSONSchemaProps)schema.Items : schema;

        if (property.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
        {
            valueSchema.EnumProperty = allowed.Values.Select(v => DefaultValues.ToJsonValue(v, where)).ToList();
        }

        if (property.GetCustomAttribute<StringLengthAttribute>() is { } length)
        {
            RequireType(valueSchema, "string", "[StringLength]", where);
            valueSchema.MaxLength = length.MaximumLength;
            valueSchema.MinLength = length.MinimumLength > 0 ? length.MinimumLength : null;
        }

        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } regex)
        {
            RequireType(valueSchema, "string", "[RegularExpression]", where);
            valueSchema.Pattern = regex.Pattern;
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            if (valueSchema.Type is not ("integer" or "number"))
            {
                throw new InvalidOperationException($"{where}: [Range] applies to numbers, not {valueSchema.Type}.");
            }

            valueSchema.Minimum = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
            valueSchema.Maximum = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
            valueSchema.ExclusiveMinimum = range.MinimumIsExclusive ? true : null;
            valueSchema.ExclusiveMaximum = range.MaximumIsExclusive ? true : null;
        }

        if (property.GetCustomAttribute<ItemCountAttribute>() is { } count)
        {
            RequireType(schema, "array", "[ItemCount]", where);
            schema.MinItems = count.Min >= 0 ? count.Min : null;
            schema.MaxItems = count.Max >= 0 ? count.Max : null;
        }

        if (property.GetCustomAttribute<ListMapAttribute>() is { } listMap)
        {
            ListTypes.ApplyMap(schema, listMap.Keys, where);
        }

        if (property.GetCustomAttribute<ListSetAttribute>() is not null)
        {
            ListTypes.ApplySet(schema, where);
        }

        if (property.GetCustomAttribute<DefaultValueAttribute>() is { } defaultValue)
        {
            schema.DefaultProperty = DefaultValues.ToJsonValue(defaultValue.Value, where);
            DefaultValueChecks.Check(schema, schema.DefaultProperty, where);
        }

        if (property.GetCustomAttribute<DefaultEmptyObjectAttribute>() is not null)
        {
            RequireType(schema, "object", "[DefaultEmptyObject]", where);
            if (schema.Required is { Count: > 0 } required)
            {
                throw new InvalidOperationException(
                    $"{where}: [DefaultEmptyObject] on an object with required properties ({string.Join(", ", required)}): the default {{}} would be invalid.");
            }

            schema.DefaultProperty = DefaultValues.EmptyObject();
        }

        if (property.GetCustomAttribute<SchemaNullableAttribute>() is not null)
        {
            schema.Nullable = true;
        }
    }

    private static void RequireType(V1JSONSchemaProps schema, string type, string attribute, string where)
    {
        if (schema.Type != type)
        {
            throw new InvalidOperationException($"{where}: {attribute} applies to {type} values, not {schema.Type ?? "int-or-string"}.");
        }
    }
}
