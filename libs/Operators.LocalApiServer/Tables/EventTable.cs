using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// Events, core/v1 and events.k8s.io/v1 alike (kube-apiserver prints both from the same internal
/// type): <c>Last Seen</c>, <c>Type</c>, <c>Reason</c>, <c>Object</c> (<c>kind/name</c>),
/// <c>Message</c> and, at priority 1, <c>Subobject</c>, <c>Source</c>, <c>First Seen</c>,
/// <c>Count</c>, <c>Name</c>.
/// </summary>
internal static class EventTable
{
    /// <summary>The definition.</summary>
    public static TableDefinition Definition { get; } = new(
        [
            new TableColumn("Last Seen", "string", Description: "The time since the event was last observed."),
            new TableColumn("Type", "string", Description: "Normal or Warning."),
            new TableColumn("Reason", "string", Description: "Why the event happened, in CamelCase."),
            new TableColumn("Object", "string", Description: "The object the event is about."),
            new TableColumn("Subobject", "string", Priority: 1, Description: "The part of the object the event is about."),
            new TableColumn("Source", "string", Priority: 1, Description: "The component that reported the event."),
            new TableColumn("Message", "string", Description: "What happened, for humans."),
            new TableColumn("First Seen", "string", Priority: 1, Description: "The time since the event was first observed."),
            new TableColumn("Count", "string", Priority: 1, Description: "How many times the event occurred."),
            CommonColumns.Name with { Priority = 1 },
        ],
        Cells);

    private static JsonArray Cells(JsonObject obj, DateTimeOffset now)
    {
        var firstTimestamp = Field(obj, "firstTimestamp", "deprecatedFirstTimestamp");
        var firstSeen = KubeTimestamp.IsZero(firstTimestamp)
            ? KubeTimestamp.Age(obj["eventTime"], now)
            : KubeTimestamp.Age(firstTimestamp, now);
        var lastTimestamp = Field(obj, "lastTimestamp", "deprecatedLastTimestamp");
        var lastSeen = KubeTimestamp.IsZero(lastTimestamp) ? firstSeen : KubeTimestamp.Age(lastTimestamp, now);
        var count = TableJson.Integer(Field(obj, "count", "deprecatedCount"), []);
        if (obj["series"] is JsonObject series)
        {
            lastSeen = KubeTimestamp.Age(series["lastObservedTime"], now);
            count = TableJson.Integer(series, ["count"]);
        }
        else if (count == 0)
        {
            count = 1;
        }

        var involved = Field(obj, "involvedObject", "regarding");
        var source = Field(obj, "source", "deprecatedSource");
        var component = FirstNonEmpty(TableJson.Text(source, "component"), TableJson.Text(Field(obj, "reportingComponent", "reportingController")));
        var instance = FirstNonEmpty(TableJson.Text(source, "host"), TableJson.Text(obj, "reportingInstance"));
        return new JsonArray(
            JsonValue.Create(lastSeen),
            JsonValue.Create(TableJson.Text(obj, "type")),
            JsonValue.Create(TableJson.Text(obj, "reason")),
            JsonValue.Create(Target(involved)),
            JsonValue.Create(TableJson.Text(involved, "fieldPath")),
            JsonValue.Create(instance.Length == 0 ? component : component + ", " + instance),
            JsonValue.Create(TableJson.Text(Field(obj, "message", "note")).Trim()),
            JsonValue.Create(firstSeen),
            JsonValue.Create(count),
            JsonValue.Create(TableJson.Name(obj)));
    }

    private static string Target(JsonNode? involved)
    {
        var kind = TableJson.Text(involved, "kind").ToLowerInvariant();
        var name = TableJson.Text(involved, "name");
        return name.Length > 0 ? kind + "/" + name : kind;
    }

    /// <summary>A field under its core/v1 name, or else its events.k8s.io/v1 name.</summary>
    private static JsonNode? Field(JsonObject obj, string coreName, string eventsName) => obj[coreName] ?? obj[eventsName];

    private static string FirstNonEmpty(string first, string second) => first.Length > 0 ? first : second;
}
