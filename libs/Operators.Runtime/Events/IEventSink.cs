using k8s.Models;

namespace Operators.Runtime.Events;

/// <summary>Where the recorder writes: the API server, or a fake in tests.</summary>
internal interface IEventSink
{
    /// <summary>Creates <paramref name="event"/>.</summary>
    Task CreateAsync(Eventsv1Event @event, CancellationToken cancellationToken);

    /// <summary>Updates only the <c>series</c> of an existing Event.</summary>
    Task PatchSeriesAsync(string @namespace, string name, Eventsv1EventSeries series, CancellationToken cancellationToken);
}
