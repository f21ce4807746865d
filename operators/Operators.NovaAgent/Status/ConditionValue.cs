namespace Operators.NovaAgent.Status;

/// <summary>The status, reason and message of one condition.</summary>
/// <param name="Status">True, False or Unknown.</param>
/// <param name="Reason">The CamelCase reason.</param>
/// <param name="Message">The message.</param>
internal readonly record struct ConditionValue(string Status, string Reason, string Message);
