using System.Text.Json.Nodes;
using Operators.LocalApiServer.BuiltIns;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Http;

/// <summary>
/// Converts between the stored form of an object and the form of the resource version a client
/// asked for: events.k8s.io/v1 events are stored as core/v1 events, and custom resources carry
/// the requested version in <c>apiVersion</c>.
/// </summary>
internal static class Representation
{
    /// <summary>
    /// The type objects of <paramref name="type"/> are stored as; events.k8s.io events keep their
    /// own (stricter) validation.
    /// </summary>
    public static ResourceType StorageType(ResourceType type, ResourceRegistry registry) =>
        IsEventsV1(type) ? registry.Find("", "v1", "events")! with { Behavior = type.Behavior } : type;

    /// <summary>The stored object as the client's resource version shows it.</summary>
    public static JsonObject ToClient(ResourceType type, JsonObject stored)
    {
        if (IsEventsV1(type))
        {
            return EventConversion.ToEventsV1(stored);
        }

        if (stored["apiVersion"] is not null)
        {
            stored["apiVersion"] = type.ApiVersion;
        }

        return stored;
    }

    /// <summary>A client's object in the stored form.</summary>
    public static JsonObject FromClient(ResourceType type, JsonObject body)
    {
        if (IsEventsV1(type))
        {
            return EventConversion.ToCore(body);
        }

        return body;
    }

    private static bool IsEventsV1(ResourceType type) => type is { Group: "events.k8s.io", Plural: "events" };
}
