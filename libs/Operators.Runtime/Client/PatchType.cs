namespace Operators.Runtime.Client;

/// <summary>The patch formats the API server accepts.</summary>
public enum PatchType
{
    /// <summary>JSON merge patch (RFC 7386), <c>application/merge-patch+json</c>.</summary>
    Merge,

    /// <summary>JSON patch (RFC 6902), <c>application/json-patch+json</c>.</summary>
    Json,

    /// <summary>Kubernetes strategic merge patch (built-in types only), <c>application/strategic-merge-patch+json</c>.</summary>
    StrategicMerge,
}
