namespace Operators.LocalApiServer.Errors;

/// <summary>The <c>details</c> of a <c>metav1.Status</c>.</summary>
public sealed class StatusDetails
{
    /// <summary>The object's name, if the error concerns one.</summary>
    public string? Name { get; init; }

    /// <summary>The API group of the object; empty for the core group.</summary>
    public string? Group { get; init; }

    /// <summary>The resource plural (NotFound, Conflict) or Kind (Invalid).</summary>
    public string? Kind { get; init; }

    /// <summary>The object's uid, for precondition failures.</summary>
    public string? Uid { get; init; }

    /// <summary>Seconds a client should wait before retrying.</summary>
    public int RetryAfterSeconds { get; init; }

    /// <summary>Field-level causes.</summary>
    public IReadOnlyList<StatusCause> Causes { get; init; } = [];
}
