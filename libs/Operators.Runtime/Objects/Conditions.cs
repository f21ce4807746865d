using k8s.Models;

namespace Operators.Runtime.Objects;

/// <summary>
/// Reads and writes a status's <c>conditions</c> list, a map keyed by <c>type</c>, with
/// <c>metav1.Condition</c> semantics: <c>lastTransitionTime</c> changes only when <c>status</c>
/// changes; <c>reason</c>, <c>message</c> and <c>observedGeneration</c> are always updated.
/// Pure: the caller passes the time.
/// </summary>
public static class Conditions
{
    /// <summary>Finds the condition of <paramref name="type"/>.</summary>
    /// <param name="conditions">The list; null reads as empty.</param>
    /// <param name="type">The condition type, e.g. <c>Ready</c>.</param>
    /// <returns>The condition, or null when absent.</returns>
    public static V1Condition? Find(IEnumerable<V1Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>Whether the condition of <paramref name="type"/> is present with status True.</summary>
    /// <param name="conditions">The list; null reads as empty.</param>
    /// <param name="type">The condition type.</param>
    /// <returns><see langword="true"/> when present and True.</returns>
    public static bool IsTrue(IEnumerable<V1Condition>? conditions, string type) =>
        Find(conditions, type)?.Status == ConditionStatus.True;

    /// <summary>Whether the condition of <paramref name="type"/> is present with status False.</summary>
    /// <param name="conditions">The list; null reads as empty.</param>
    /// <param name="type">The condition type.</param>
    /// <returns><see langword="true"/> when present and False.</returns>
    public static bool IsFalse(IEnumerable<V1Condition>? conditions, string type) =>
        Find(conditions, type)?.Status == ConditionStatus.False;

    /// <summary>Adds or updates the condition of <paramref name="type"/>.</summary>
    /// <param name="conditions">The list to change.</param>
    /// <param name="type">The condition type, a qualified name such as <c>Ready</c>.</param>
    /// <param name="status">True, False or Unknown (<see cref="ConditionStatus"/>).</param>
    /// <param name="reason">A CamelCase reason such as <c>InvalidSpec</c>.</param>
    /// <param name="message">A human-readable message; may be empty.</param>
    /// <param name="observedGeneration">The <c>metadata.generation</c> the condition was computed from.</param>
    /// <param name="now">The time used as <c>lastTransitionTime</c> when the status changes.</param>
    /// <returns><see langword="true"/> when the list changed (so the status needs writing).</returns>
    /// <exception cref="ArgumentException">The condition breaks a <c>metav1.Condition</c> constraint.</exception>
    public static bool Set(
        IList<V1Condition> conditions, string type, string status, string reason, string message, long? observedGeneration, DateTimeOffset now) =>
        Set(conditions, new V1Condition { Type = type, Status = status, Reason = reason, Message = message, ObservedGeneration = observedGeneration }, now);

    /// <summary>Adds or updates the condition of <paramref name="condition"/>'s type with a copy of it.</summary>
    /// <param name="conditions">The list to change.</param>
    /// <param name="condition">
    /// The desired condition. Its <c>lastTransitionTime</c>, when set, is used on a status change
    /// instead of <paramref name="now"/>; it is ignored when the status stays.
    /// </param>
    /// <param name="now">The time used as <c>lastTransitionTime</c> when the status changes.</param>
    /// <returns><see langword="true"/> when the list changed.</returns>
    /// <exception cref="ArgumentException">The condition breaks a <c>metav1.Condition</c> constraint.</exception>
    public static bool Set(IList<V1Condition> conditions, V1Condition condition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(condition);
        var errors = ConditionValidation.Validate(condition);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid condition '{condition.Type}': {string.Join("; ", errors)}.", nameof(condition));
        }

        var transition = condition.LastTransitionTime == default ? now.UtcDateTime : condition.LastTransitionTime;
        var existing = Find(conditions, condition.Type);
        if (existing is null)
        {
            conditions.Add(new V1Condition
            {
                Type = condition.Type,
                Status = condition.Status,
                Reason = condition.Reason,
                Message = condition.Message ?? string.Empty,
                ObservedGeneration = condition.ObservedGeneration,
                LastTransitionTime = transition,
            });
            return true;
        }

        var changed = false;
        if (existing.Status != condition.Status)
        {
            existing.Status = condition.Status;
            existing.LastTransitionTime = transition;
            changed = true;
        }

        changed |= Update(existing.Reason, condition.Reason, v => existing.Reason = v);
        changed |= Update(existing.Message ?? string.Empty, condition.Message ?? string.Empty, v => existing.Message = v);
        if (existing.ObservedGeneration != condition.ObservedGeneration)
        {
            existing.ObservedGeneration = condition.ObservedGeneration;
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// True when <paramref name="after"/> has the same conditions as <paramref name="before"/> (type, status,
    /// reason, observedGeneration, lastTransitionTime) and differs at most in their messages: a change that only
    /// reports progress, which a <see cref="Status.ProgressThrottle"/> may hold back.
    /// </summary>
    /// <param name="before">The conditions as last written.</param>
    /// <param name="after">The conditions just computed.</param>
    /// <returns>Whether only messages differ.</returns>
    public static bool DifferOnlyInMessages(IList<V1Condition>? before, IList<V1Condition>? after)
    {
        before ??= [];
        after ??= [];
        return before.Count == after.Count && after.All(c => Find(before, c.Type) is { } old
            && old.Status == c.Status
            && old.Reason == c.Reason
            && old.ObservedGeneration == c.ObservedGeneration
            && old.LastTransitionTime == c.LastTransitionTime);
    }

    /// <summary>Removes the condition of <paramref name="type"/>.</summary>
    /// <param name="conditions">The list to change.</param>
    /// <param name="type">The condition type.</param>
    /// <returns><see langword="true"/> when a condition was removed.</returns>
    public static bool Remove(IList<V1Condition> conditions, string type)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var removed = false;
        for (var i = conditions.Count - 1; i >= 0; i--)
        {
            if (conditions[i].Type == type)
            {
                conditions.RemoveAt(i);
                removed = true;
            }
        }

        return removed;
    }

    private static bool Update(string current, string desired, Action<string> write)
    {
        if (string.Equals(current, desired, StringComparison.Ordinal))
        {
            return false;
        }

        write(desired);
        return true;
    }
}
