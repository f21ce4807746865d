namespace Operators.MaintenanceNotifier.Transitions;

/// <summary>What a building block's deliveries need next.</summary>
internal enum DeliveryStepKind
{
    /// <summary>Every transition is handled: nothing to do.</summary>
    Idle,

    /// <summary>A transition is due now: attempt it (or skip it while suspended).</summary>
    Due,

    /// <summary>A transition is being retried; its next attempt is not due yet.</summary>
    Waiting,

    /// <summary>The record's transition is no longer one to deliver (a newer cycle, or its type unsubscribed): close it as skipped.</summary>
    Supersede,
}
