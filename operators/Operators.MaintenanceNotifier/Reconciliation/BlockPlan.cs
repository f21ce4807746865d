using Operators.Api.BuildingBlocks;
using Operators.MaintenanceNotifier.Transitions;

namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>One selected building block, its transitions to deliver and the first step.</summary>
/// <param name="Block">The block as cached.</param>
/// <param name="Transitions">Its transitions for this subscription, oldest first.</param>
/// <param name="Step">What comes next, as planned from the status read.</param>
internal sealed record BlockPlan(V1Alpha1BuildingBlock Block, IReadOnlyList<MaintenanceTransition> Transitions, DeliveryStep Step);
