namespace Operators.MaintenanceNotifier.Transitions;

/// <summary>One maintenance transition of a building block, as one subscription sees it.</summary>
/// <param name="Event"><c>Entered</c> or <c>Left</c>.</param>
/// <param name="Time">When the block made it: UTC, whole seconds.</param>
/// <param name="EventId">The deterministic id (<see cref="EventIds"/>).</param>
internal sealed record MaintenanceTransition(string Event, DateTime Time, string EventId);
