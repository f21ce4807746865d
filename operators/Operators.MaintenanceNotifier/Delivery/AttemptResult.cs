namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>How one delivery attempt ended.</summary>
internal enum AttemptResult
{
    /// <summary>A 2xx answer: delivered.</summary>
    Delivered,

    /// <summary>A transport error, a timeout, 408, 429 or 5xx: try again after a backoff.</summary>
    Retryable,

    /// <summary>Any other answer (other 4xx, a 3xx redirect, which is not followed): give up at once.</summary>
    Failed,

    /// <summary>410 Gone: give up at once; the endpoint is gone.</summary>
    Gone,
}
