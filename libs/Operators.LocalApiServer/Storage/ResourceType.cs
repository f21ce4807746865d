namespace Operators.LocalApiServer.Storage;

/// <summary>A resource the server serves: its names, scope, verbs, subresources and behaviour.</summary>
internal sealed record ResourceType
{
    /// <summary>API group; empty for the core group.</summary>
    public required string Group { get; init; }

    /// <summary>API version, e.g. <c>v1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>Kind, e.g. <c>ConfigMap</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Resource plural, e.g. <c>configmaps</c>.</summary>
    public required string Plural { get; init; }

    /// <summary>Resource singular, e.g. <c>configmap</c>.</summary>
    public required string Singular { get; init; }

    /// <summary>True for namespaced resources.</summary>
    public required bool Namespaced { get; init; }

    /// <summary>The list kind, e.g. <c>ConfigMapList</c>.</summary>
    public string ListKind => Kind + "List";

    /// <summary>Short names (e.g. <c>cm</c>), in the order discovery lists them.</summary>
    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Categories, e.g. <c>all</c>.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Verbs, in the order discovery lists them.</summary>
    public IReadOnlyList<string> Verbs { get; init; } =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary>True when the <c>status</c> subresource is served.</summary>
    public bool HasStatus { get; init; }

    /// <summary>True when the <c>scale</c> subresource is served (deployments).</summary>
    public bool HasScale { get; init; }

    /// <summary>Defaults, validation and generation rules of this kind.</summary>
    public required IResourceBehavior Behavior { get; init; }

    /// <summary><c>group/version</c>, or just the version for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;
}
