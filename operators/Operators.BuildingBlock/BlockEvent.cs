using Operators.Runtime.Events;

namespace Operators.BuildingBlock;

/// <summary>An Event to record about a block.</summary>
/// <param name="Type"><see cref="EventType.Normal"/> or <see cref="EventType.Warning"/>.</param>
/// <param name="Reason">One of <see cref="EventReasons"/>.</param>
/// <param name="Message">The note.</param>
internal sealed record BlockEvent(string Type, string Reason, string Message);
