namespace Operators.LocalApiServer.Faults;

/// <summary>
/// One injected failure: requests matching <see cref="Verb"/>, <see cref="Resource"/> and
/// <see cref="Namespace"/> (null = any) fail with <see cref="StatusCode"/>, either the next <see cref="Remaining"/> of them or a
/// <see cref="Ratio"/> of them until <see cref="Until"/>.
/// </summary>
public sealed record FaultRule
{
    /// <summary>The Kubernetes verb (get, list, watch, create, update, patch, delete, deletecollection), or null for any.</summary>
    public string? Verb { get; init; }

    /// <summary>The resource, e.g. <c>configmaps</c> or <c>novaagents/status</c>, or null for any.</summary>
    public string? Resource { get; init; }

    /// <summary>The namespace of the request, or null for any (cluster-scoped requests match only null).</summary>
    public string? Namespace { get; init; }

    /// <summary>The HTTP status to answer: 429, 500, 503, 409, ...</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>For 429: the <c>Retry-After</c> seconds.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>How many more requests fail; null when the rule is ratio-based.</summary>
    public int? Remaining { get; set; }

    /// <summary>The share of matching requests that fail (0–1), with <see cref="Until"/>.</summary>
    public double Ratio { get; init; }

    /// <summary>When a ratio-based rule ends.</summary>
    public DateTimeOffset Until { get; init; }

    /// <summary>True when the rule applies to a request.</summary>
    public bool Matches(string verb, string resource, string? requestNamespace) =>
        (Verb is null || Verb == verb) && (Resource is null || Resource == resource) && (Namespace is null || Namespace == requestNamespace);
}
