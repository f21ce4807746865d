namespace Operators.Runtime.Client;

/// <summary>A patch document and its format.</summary>
/// <param name="Type">The patch format.</param>
/// <param name="Body">The patch document, as JSON text.</param>
public sealed record ResourcePatch(PatchType Type, string Body)
{
    /// <summary>Creates a JSON merge patch.</summary>
    public static ResourcePatch Merge(string body) => new(PatchType.Merge, body);

    /// <summary>Creates a JSON patch (a list of operations).</summary>
    public static ResourcePatch Json(string body) => new(PatchType.Json, body);

    /// <summary>Creates a strategic merge patch.</summary>
    public static ResourcePatch StrategicMerge(string body) => new(PatchType.StrategicMerge, body);

    /// <summary>Gets the HTTP content type of this patch format.</summary>
    internal string ContentType => Type switch
    {
        PatchType.Merge => "application/merge-patch+json",
        PatchType.Json => "application/json-patch+json",
        PatchType.StrategicMerge => "application/strategic-merge-patch+json",
        _ => throw new InvalidOperationException($"Unknown patch type {Type}."),
    };
}
