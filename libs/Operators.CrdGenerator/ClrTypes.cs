using System.Diagnostics.CodeAnalysis;

namespace Operators.CrdGenerator;

/// <summary>How a CLR type appears in JSON: the shapes the schema builder distinguishes.</summary>
internal static class ClrTypes
{
    /// <summary><paramref name="type"/> without <see cref="Nullable{T}"/>.</summary>
    public static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    /// <summary>The item type when <paramref name="type"/> is an array or a generic list (not a string nor a dictionary).</summary>
    [RequiresUnreferencedCode("Inspects the interfaces of the type.")]
    public static bool TryGetItemType(Type type, [NotNullWhen(true)] out Type? itemType)
    {
        itemType = null;
        if (type == typeof(string) || TryGetDictionaryValueType(type, out _))
        {
            return false;
        }

        if (type.IsArray)
        {
            itemType = type.GetElementType()!;
            return true;
        }

        var enumerable = FindGeneric(type, typeof(IEnumerable<>));
        itemType = enumerable?.GetGenericArguments()[0];
        return itemType is not null;
    }

    /// <summary>The value type when <paramref name="type"/> is a dictionary with string keys.</summary>
    [RequiresUnreferencedCode("Inspects the interfaces of the type.")]
    public static bool TryGetDictionaryValueType(Type type, [NotNullWhen(true)] out Type? valueType)
    {
        var dictionary = FindGeneric(type, typeof(IDictionary<,>)) ?? FindGeneric(type, typeof(IReadOnlyDictionary<,>));
        if (dictionary is null)
        {
            valueType = null;
            return false;
        }

        var arguments = dictionary.GetGenericArguments();
        if (arguments[0] != typeof(string))
        {
            throw new NotSupportedException($"Dictionary {type} has {arguments[0]} keys: JSON objects have string keys only.");
        }

        valueType = arguments[1];
        return true;
    }

    /// <summary>Whether values of <paramref name="type"/> are JSON integers.</summary>
    public static bool IsInteger(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);

    /// <summary>Whether values of <paramref name="type"/> are JSON numbers with a fraction.</summary>
    public static bool IsNumber(Type type) => type == typeof(double) || type == typeof(float) || type == typeof(decimal);

    [RequiresUnreferencedCode("Inspects the interfaces of the type.")]
    private static Type? FindGeneric(Type type, Type definition)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == definition)
        {
            return type;
        }

        return type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition)
            .OrderBy(i => i.FullName, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
