using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// Converts Events between core/v1 (the stored form) and events.k8s.io/v1, as kube-apiserver does:
/// <c>message</c>↔<c>note</c>, <c>involvedObject</c>↔<c>regarding</c>, <c>reportingComponent</c>↔<c>reportingController</c>,
/// <c>source</c>/<c>firstTimestamp</c>/<c>lastTimestamp</c>/<c>count</c>↔<c>deprecated*</c>; the rest keeps its name.
/// Both directions return a new object with the fields each version always writes
/// (e.g. <c>regarding: {}</c>, <c>deprecatedFirstTimestamp: null</c>) and drop fields the target does not have.
/// </summary>
internal static class EventConversion
{
    /// <summary>The events.k8s.io/v1 apiVersion.</summary>
    public const string EventsV1ApiVersion = "events.k8s.io/v1";

    /// <summary>True when the object is in events.k8s.io/v1 form.</summary>
    public static bool IsEventsV1(JsonObject obj) => obj.GetString("apiVersion") == EventsV1ApiVersion;

    /// <summary>The events.k8s.io/v1 form of a core/v1 Event (for reads, list items and watch events).</summary>
    public static JsonObject ToEventsV1(JsonObject core)
    {
        var result = new JsonObject
        {
            ["kind"] = "Event",
            ["apiVersion"] = EventsV1ApiVersion,
            ["metadata"] = Clone(core["metadata"]) ?? new JsonObject(),
            ["eventTime"] = Clone(core["eventTime"]),
        };
        CopyIfPresent(core, "series", result, "series");
        CopyIfNotEmpty(core, "reportingComponent", result, "reportingController");
        CopyIfNotEmpty(core, "reportingInstance", result, "reportingInstance");
        CopyIfNotEmpty(core, "action", result, "action");
        CopyIfNotEmpty(core, "reason", result, "reason");
        result["regarding"] = Clone(core["involvedObject"]) ?? new JsonObject();
        CopyIfPresent(core, "related", result, "related");
        CopyIfNotEmpty(core, "message", result, "note");
        CopyIfNotEmpty(core, "type", result, "type");
        result["deprecatedSource"] = Clone(core["source"]) ?? new JsonObject();
        result["deprecatedFirstTimestamp"] = Clone(core["firstTimestamp"]);
        result["deprecatedLastTimestamp"] = Clone(core["lastTimestamp"]);
        CopyIfNotZero(core, "count", result, "deprecatedCount");
        return result;
    }

    /// <summary>The core/v1 form of an events.k8s.io/v1 Event (for creates, updates and patches through events.k8s.io).</summary>
    public static JsonObject ToCore(JsonObject eventsV1)
    {
        var result = new JsonObject
        {
            ["kind"] = "Event",
            ["apiVersion"] = "v1",
            ["metadata"] = Clone(eventsV1["metadata"]) ?? new JsonObject(),
            ["involvedObject"] = Clone(eventsV1["regarding"]) ?? new JsonObject(),
        };
        CopyIfNotEmpty(eventsV1, "reason", result, "reason");
        CopyIfNotEmpty(eventsV1, "note", result, "message");
        result["source"] = Clone(eventsV1["deprecatedSource"]) ?? new JsonObject();
        result["firstTimestamp"] = Clone(eventsV1["deprecatedFirstTimestamp"]);
        result["lastTimestamp"] = Clone(eventsV1["deprecatedLastTimestamp"]);
        CopyIfNotZero(eventsV1, "deprecatedCount", result, "count");
        CopyIfNotEmpty(eventsV1, "type", result, "type");
        result["eventTime"] = Clone(eventsV1["eventTime"]);
        CopyIfPresent(eventsV1, "series", result, "series");
        CopyIfNotEmpty(eventsV1, "action", result, "action");
        CopyIfPresent(eventsV1, "related", result, "related");
        result["reportingComponent"] = eventsV1.GetStringOrEmpty("reportingController");
        result["reportingInstance"] = eventsV1.GetStringOrEmpty("reportingInstance");
        return result;
    }

    private static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    private static void CopyIfPresent(JsonObject from, string fromKey, JsonObject to, string toKey)
    {
        if (from[fromKey] is { } value)
        {
            to[toKey] = value.DeepClone();
        }
    }

    private static void CopyIfNotEmpty(JsonObject from, string fromKey, JsonObject to, string toKey)
    {
        if (!string.IsNullOrEmpty(from.GetString(fromKey)))
        {
            to[toKey] = from.GetString(fromKey);
        }
    }

    private static void CopyIfNotZero(JsonObject from, string fromKey, JsonObject to, string toKey)
    {
        if (from.GetInteger(fromKey) is { } number and not 0)
        {
            to[toKey] = number;
        }
    }
}
