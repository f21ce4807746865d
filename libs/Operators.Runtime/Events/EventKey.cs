namespace Operators.Runtime.Events;

/// <summary>The identity of a series of repeated Events.</summary>
internal readonly record struct EventKey(
    string? ApiVersion,
    string? Kind,
    string? Namespace,
    string? Name,
    string? Uid,
    string? FieldPath,
    string Type,
    string Reason,
    string Action,
    string Note);
