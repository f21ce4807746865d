namespace Operators.MaintenanceNotifier.Transitions;

/// <summary>The next step of one building block's deliveries (<see cref="DeliveryPlanner"/>).</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Transition">The transition it concerns; null for <see cref="DeliveryStepKind.Idle"/> and <see cref="DeliveryStepKind.Supersede"/>.</param>
/// <param name="AttemptsSoFar">Attempts already made for <paramref name="Transition"/>.</param>
/// <param name="NotBefore">For <see cref="DeliveryStepKind.Waiting"/>: when the next attempt is due.</param>
internal readonly record struct DeliveryStep(DeliveryStepKind Kind, MaintenanceTransition? Transition = null, int AttemptsSoFar = 0, DateTime? NotBefore = null)
{
    /// <summary>Nothing to do.</summary>
    public static DeliveryStep Idle => new(DeliveryStepKind.Idle);

    /// <summary>Close the record's transition as superseded.</summary>
    public static DeliveryStep Supersede => new(DeliveryStepKind.Supersede);
}
