using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Operators.CrdGenerator;

/// <summary>
/// Builds the structural OpenAPI v3 schema of a CLR type by reflection: one node per JSON value,
/// every node typed, object properties in declaration order. Property attributes are applied by
/// <see cref="PropertyConstraints"/>; Kubernetes types come from <see cref="KubernetesTypeSchemas"/>.
/// </summary>
internal sealed class SchemaBuilder
{
    private readonly HashSet<Type> _visiting = [];

    /// <summary>The schema of any supported type.</summary>
    [RequiresUnreferencedCode("Reflects over the public properties of the type and the types they reference.")]
    public V1JSONSchemaProps ForType(Type type)
    {
        type = ClrTypes.Unwrap(type);
        if (KubernetesTypeSchemas.TryCreate(type) is { } known)
        {
            return known;
        }

        if (type == typeof(string))
        {
            return new V1JSONSchemaProps { Type = "string" };
        }

        if (type == typeof(bool))
        {
            return new V1JSONSchemaProps { Type = "boolean" };
        }

        if (ClrTypes.IsInteger(type))
        {
            var wide = type == typeof(long) || type == typeof(ulong) || type == typeof(uint);
            return new V1JSONSchemaProps { Type = "integer", Format = wide ? "int64" : "int32" };
        }

        if (ClrTypes.IsNumber(type))
        {
            return new V1JSONSchemaProps { Type = "number" };
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new V1JSONSchemaProps { Type = "string", Format = "date-time" };
        }

        if (ClrTypes.TryGetDictionaryValueType(type, out var valueType))
        {
            return new V1JSONSchemaProps { Type = "object", AdditionalProperties = ForType(valueType) };
        }

        if (ClrTypes.TryGetItemType(type, out var itemType))
        {
            return new V1JSONSchemaProps { Type = "array", Items = ForType(itemType) };
        }

        if (type.IsClass && !type.IsAbstract && type != typeof(object))
        {
            return ForObject(type);
        }

        throw new NotSupportedException(
            $"{type} has no schema mapping: use a string, number, boolean, DateTime, list, string-keyed dictionary or class (see the generator's README).");
    }

    /// <summary>An object with one property per public <c>[JsonPropertyName]</c> property of <paramref name="type"/>.</summary>
    [RequiresUnreferencedCode("Reflects over the public properties of the type and the types they reference.")]
    public V1JSONSchemaProps ForObject(Type type)
    {
        if (!_visiting.Add(type))
        {
            throw new NotSupportedException($"{type} contains itself: recursive types have no structural schema.");
        }

        try
        {
            var properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal);
            var required = new List<string>();
            foreach (var property in JsonProperties(type))
            {
                var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
                if (properties.ContainsKey(name))
                {
                    throw new InvalidOperationException($"{type} has two properties named '{name}' in JSON.");
                }

                properties[name] = ForProperty(property, out var isRequired);
                if (isRequired)
                {
                    required.Add(name);
                }
            }

            return new V1JSONSchemaProps
            {
                Description = XmlDocumentation.Summary(type),
                Type = "object",
                Properties = properties.Count == 0 ? null : properties,
                Required = required.Count == 0 ? null : required,
            };
        }
        finally
        {
            _visiting.Remove(type);
        }
    }

    /// <summary>The public instance properties with a JSON name, base class first, each class in declaration order.</summary>
    [RequiresUnreferencedCode("Reflects over the public properties of the type.")]
    public static IEnumerable<PropertyInfo> JsonProperties(Type type)
    {
        var hierarchy = new List<Type>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            hierarchy.Insert(0, current);
        }

        return hierarchy.SelectMany(t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .OrderBy(p => p.MetadataToken));
    }

    [RequiresUnreferencedCode("Reflects over the public properties of the type and the types they reference.")]
    private V1JSONSchemaProps ForProperty(PropertyInfo property, out bool required)
    {
        var schema = ForType(property.PropertyType);
        if (ClrTypes.Unwrap(property.PropertyType) != typeof(V1ObjectMeta))
        {
            schema.Description = XmlDocumentation.Summary(property) ?? schema.Description;
        }

        PropertyConstraints.Apply(property, schema);
        required = property.GetCustomAttribute<System.ComponentModel.DataAnnotations.RequiredAttribute>() is not null;
        return schema;
    }
}
