namespace Operators.LocalApiServer.Storage;

/// <summary>Options of a delete: propagation policy and preconditions.</summary>
internal sealed record DeleteOptions
{
    /// <summary><c>Background</c> (default), <c>Foreground</c> or <c>Orphan</c>.</summary>
    public string? PropagationPolicy { get; init; }

    /// <summary>Delete only if the object has this uid.</summary>
    public string? PreconditionUid { get; init; }

    /// <summary>Delete only if the object is at this resourceVersion.</summary>
    public string? PreconditionResourceVersion { get; init; }

    /// <summary><c>dryRun=All</c>.</summary>
    public bool DryRun { get; init; }
}
