using k8s.Models;

namespace Operators.CrdGenerator;

/// <summary>
/// <c>x-kubernetes-list-type</c> with the rules a real kube-apiserver enforces on the CRD itself:
/// a map list holds objects whose keys are scalar properties that are required (or defaulted);
/// a set holds scalars.
/// </summary>
internal static class ListTypes
{
    /// <summary>Marks <paramref name="schema"/> as a map list keyed by <paramref name="keys"/>.</summary>
    public static void ApplyMap(V1JSONSchemaProps schema, IReadOnlyList<string> keys, string where)
    {
        if (schema.Type != "array" || schema.Items is not V1JSONSchemaProps { Type: "object" } items)
        {
            throw new InvalidOperationException($"{where}: [ListMap] applies to a list of objects.");
        }

        if (keys.Count == 0)
        {
            throw new InvalidOperationException($"{where}: [ListMap] needs at least one key.");
        }

        foreach (var key in keys)
        {
            if (items.Properties is null || !items.Properties.TryGetValue(key, out var keySchema))
            {
                throw new InvalidOperationException($"{where}: the list-map key '{key}' is not a property of the items.");
            }

            if (!IsScalar(keySchema))
            {
                throw new InvalidOperationException($"{where}: the list-map key '{key}' must be a scalar.");
            }

            if (items.Required?.Contains(key) != true && keySchema.DefaultProperty is null)
            {
                throw new InvalidOperationException(
                    $"{where}: the list-map key '{key}' must be [Required] (or have a default): kube-apiserver rejects the CRD otherwise.");
            }
        }

        schema.XKubernetesListType = "map";
        schema.XKubernetesListMapKeys = [.. keys];
    }

    /// <summary>Marks <paramref name="schema"/> as a set of scalars.</summary>
    public static void ApplySet(V1JSONSchemaProps schema, string where)
    {
        if (schema.Type != "array" || schema.Items is not V1JSONSchemaProps items || !IsScalar(items))
        {
            throw new InvalidOperationException($"{where}: [ListSet] applies to a list of scalars.");
        }

        schema.XKubernetesListType = "set";
    }

    private static bool IsScalar(V1JSONSchemaProps schema) =>
        schema.Type is "string" or "integer" or "number" or "boolean" || schema.XKubernetesIntOrString == true;
}
