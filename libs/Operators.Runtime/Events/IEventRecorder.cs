using System.Diagnostics.CodeAnalysis;
using k8s;
using k8s.Models;

namespace Operators.Runtime.Events;

/// <summary>
/// Records <c>events.k8s.io/v1</c> Events about objects. Recording never blocks and never throws
/// for API failures: the Event is queued and written in the background; a full queue drops it.
/// Repeats of the same Event (same object, type, reason, action and message) within the
/// recorder's window update one Event's <c>series</c> instead of creating new ones.
/// </summary>
/// <remarks>The message is written as given: never put secrets in it.</remarks>
public interface IEventRecorder
{
    /// <summary>Records an Event about <paramref name="regarding"/>.</summary>
    /// <param name="regarding">The object the Event is about; needs a name (and ideally kind, apiVersion and uid).</param>
    /// <param name="type"><see cref="EventType.Normal"/> or <see cref="EventType.Warning"/>.</param>
    /// <param name="reason">A short CamelCase reason, at most 128 characters, e.g. <c>InvalidSpec</c>.</param>
    /// <param name="message">The human-readable note; cut to 1 KB (UTF-8).</param>
    /// <param name="action">What the controller did or failed to do, at most 128 characters; null for the recorder's default.</param>
    /// <exception cref="ArgumentException">The type, reason, action or reference is invalid (a programming error).</exception>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The name of client-go's EventRecorder.Event, which Kubernetes developers know.")]
    void Event(V1ObjectReference regarding, string type, string reason, string message, string? action = null);

    /// <summary>Records an Event about <paramref name="regarding"/>.</summary>
    /// <param name="regarding">The object the Event is about.</param>
    /// <param name="type"><see cref="EventType.Normal"/> or <see cref="EventType.Warning"/>.</param>
    /// <param name="reason">A short CamelCase reason, at most 128 characters.</param>
    /// <param name="message">The human-readable note; cut to 1 KB (UTF-8).</param>
    /// <param name="action">What the controller did or failed to do; null for the recorder's default.</param>
    /// <exception cref="ArgumentException">The type, reason, action or object is invalid (a programming error).</exception>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The name of client-go's EventRecorder.Event, which Kubernetes developers know.")]
    void Event(IKubernetesObject<V1ObjectMeta> regarding, string type, string reason, string message, string? action = null);
}
