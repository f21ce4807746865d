using System.Globalization;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace Operators.Runtime.Events;

/// <summary>Writes Events through <c>IKubernetes.EventsV1</c>; a series update is a JSON merge patch of <c>series</c> only.</summary>
internal sealed class KubernetesEventSink(IKubernetes client) : IEventSink
{
    public Task CreateAsync(Eventsv1Event @event, CancellationToken cancellationToken) =>
        client.EventsV1.CreateNamespacedEventAsync(@event, @event.Metadata.NamespaceProperty, cancellationToken: cancellationToken);

    public Task PatchSeriesAsync(string @namespace, string name, Eventsv1EventSeries series, CancellationToken cancellationToken) =>
        client.EventsV1.PatchNamespacedEventAsync(
            new V1Patch(SeriesPatch(series), V1Patch.PatchType.MergePatch), name, @namespace, cancellationToken: cancellationToken);

    /// <summary><c>{"series":{"count":N,"lastObservedTime":"…"}}</c>, with the time as a MicroTime.</summary>
    public static string SeriesPatch(Eventsv1EventSeries series)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("series");
            writer.WriteNumber("count", series.Count);
            writer.WriteString("lastObservedTime", series.LastObservedTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
