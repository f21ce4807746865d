namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>The <c>Ready</c> condition a reconcile computed.</summary>
/// <param name="Status"><c>True</c> or <c>False</c>.</param>
/// <param name="Reason"><c>Subscribed</c>, <c>InvalidSpec</c>, <c>SecretNotFound</c> or <c>Suspended</c>.</param>
/// <param name="Message">The explanation; never a secret value.</param>
internal sealed record ReadyState(string Status, string Reason, string Message);
