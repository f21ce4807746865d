using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Delivery;

namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>What one reconcile found: the notifier read, its webhook, its blocks and the status base.</summary>
/// <param name="Notifier">The notifier (cached, or read live before sending).</param>
/// <param name="Resolution">The webhook, or why there is none.</param>
/// <param name="Suspended">Whether <c>spec.suspend</c> is true.</param>
/// <param name="Blocks">The selected blocks, by name.</param>
/// <param name="Base">What every status write sets.</param>
internal sealed record NotifierPlan(
    V1Alpha1MaintenanceNotifier Notifier, TargetResolution Resolution, bool Suspended, IReadOnlyList<BlockPlan> Blocks, StatusBase Base)
{
    /// <summary>Whether any block needs a status write or a POST now (then the notifier is read live first).</summary>
    public bool HasWork => Blocks.Any(IsActionable);

    /// <summary>Whether the spec is invalid (nothing is delivered until it changes).</summary>
    public bool IsInvalid => Resolution.Target is null && Resolution.Reason == MaintenanceNotifierConditions.InvalidSpec;

    /// <summary>Whether <paramref name="block"/>'s step writes status or sends now.</summary>
    /// <param name="block">A block of this plan.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool IsActionable(BlockPlan block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block.Step.Kind switch
        {
            Transitions.DeliveryStepKind.Supersede => true,
            Transitions.DeliveryStepKind.Waiting => Suspended,
            Transitions.DeliveryStepKind.Due => Suspended || Resolution.Target is not null || block.Step.AttemptsSoFar == 0 && !IsPendingFor(block),
            _ => false,
        };
    }

    private bool IsPendingFor(BlockPlan block) =>
        Notifier.Status?.Deliveries?.FirstOrDefault(r => r.BuildingBlock == block.Block.Metadata.Name) is { Phase: DeliveryPhases.Pending } record
        && record.EventId == block.Step.Transition?.EventId;
}
