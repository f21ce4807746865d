using k8s.Models;

namespace Operators.Runtime.Events;

/// <summary>One call of <see cref="IEventRecorder.Event(V1ObjectReference, string, string, string, string?)"/>, validated and queued.</summary>
internal sealed record EventOccurrence(V1ObjectReference Regarding, string Type, string Reason, string Action, string Note, DateTimeOffset At)
{
    /// <summary>What makes two occurrences repeats of one Event: the object (not its resourceVersion), type, reason, action and note.</summary>
    public EventKey Key => new(
        Regarding.ApiVersion, Regarding.Kind, Regarding.NamespaceProperty, Regarding.Name, Regarding.Uid, Regarding.FieldPath, Type, Reason, Action, Note);
}
