using System.Diagnostics.CodeAnalysis;

namespace Operators.Runtime.Client;

/// <summary>
/// One watch event: <see cref="WatchEventType.Added"/>, <see cref="WatchEventType.Modified"/>,
/// <see cref="WatchEventType.Deleted"/> or <see cref="WatchEventType.Bookmark"/> (whose object carries only
/// <c>metadata.resourceVersion</c>). ERROR events are thrown as <see cref="KubernetesApiException"/>.
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
/// <param name="Type">The event type.</param>
/// <param name="Object">The object after the change (for deletions: its last state).</param>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The API names the field object.")]
public readonly record struct WatchEvent<T>(WatchEventType Type, T Object);
