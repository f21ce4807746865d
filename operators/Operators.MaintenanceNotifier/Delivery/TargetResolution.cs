namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>The outcome of resolving a webhook: a target, or why there is none.</summary>
/// <param name="Target">The target; null when the spec or a Secret is not usable.</param>
/// <param name="Reason">The <c>Ready=False</c> reason when there is no target (<c>InvalidSpec</c> or <c>SecretNotFound</c>).</param>
/// <param name="Message">The explanation; names fields and Secrets, never their values.</param>
internal sealed record TargetResolution(WebhookTarget? Target, string? Reason, string? Message)
{
    /// <summary>A usable target.</summary>
    public static TargetResolution Of(WebhookTarget target) => new(target, null, null);

    /// <summary>No target, for <paramref name="reason"/>.</summary>
    public static TargetResolution Failed(string reason, string message) => new(null, reason, message);
}
