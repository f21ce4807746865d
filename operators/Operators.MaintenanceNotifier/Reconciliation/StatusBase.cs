namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>What every status write of one reconcile sets besides the delivery records.</summary>
/// <param name="Generation">The <c>metadata.generation</c> reconciled (<c>observedGeneration</c>).</param>
/// <param name="MatchedBuildingBlocks">The names of the blocks the selector matches; null when the selector is invalid (records are then kept).</param>
/// <param name="Ready">The <c>Ready</c> condition.</param>
internal sealed record StatusBase(long? Generation, IReadOnlySet<string>? MatchedBuildingBlocks, ReadyState Ready);
