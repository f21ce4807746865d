using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace Operators.Runtime.Client;

/// <summary>
/// Builds the client's JSON options: the caller's source-generated contexts (custom resources) first, then
/// KubernetesClient's own context for the built-in types, with KubernetesClient's converters (RFC 3339 times).
/// No reflection-based serialization.
/// </summary>
internal static class KubeJson
{
    /// <summary>Creates read-only options resolving <paramref name="custom"/> before the built-in types.</summary>
    public static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver? custom)
    {
        var builtIn = SourceGenerationContext.Default;
        var options = new JsonSerializerOptions(builtIn.Options)
        {
            TypeInfoResolver = custom is null ? builtIn : JsonTypeInfoResolver.Combine(custom, builtIn),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The metadata of <typeparamref name="T"/>, or a clear error naming the missing context.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        if (options.TryGetTypeInfo(typeof(T), out var info) && info is JsonTypeInfo<T> typed)
        {
            return typed;
        }

        throw new InvalidOperationException(
            $"No JSON metadata for {typeof(T).FullName}: add [JsonSerializable(typeof({typeof(T).Name}))] to a JsonSerializerContext and pass it to the KubeApiClient.");
    }
}
