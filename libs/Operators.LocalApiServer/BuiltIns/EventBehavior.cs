using System.Text.Json;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// Events, for both APIs that serve them. The stored form is core/v1; an events.k8s.io/v1 object
/// is accepted too (it is converted before validation). Through core/v1 (<paramref name="strict"/>
/// false) only the legacy checks apply; through events.k8s.io/v1 the strict ones as well
/// (<c>eventTime</c> required, <c>type</c> Normal or Warning, deprecated fields unset, most fields immutable).
/// </summary>
/// <param name="strict">True for the events.k8s.io/v1 resource.</param>
internal sealed class EventBehavior(bool strict) : IResourceBehavior
{
    private static readonly DecodeErrors Decode = new("Event", "v1");

    /// <inheritdoc />
    public bool TracksGeneration => false;

    /// <inheritdoc />
    public void ApplyDefaults(JsonObject obj)
    {
        var v1 = EventConversion.IsEventsV1(obj);
        var (firstKey, lastKey, countKey, sourceKey, objectKey) = v1
            ? ("deprecatedFirstTimestamp", "deprecatedLastTimestamp", "deprecatedCount", "deprecatedSource", "regarding")
            : ("firstTimestamp", "lastTimestamp", "count", "source", "involvedObject");

        Decode.RequireMetadataTypes(obj);
        Decode.RequireKind(obj, countKey, JsonValueKind.Number, "Event." + countKey, "int32");
        Decode.RequireKind(obj, objectKey, JsonValueKind.Object, "Event." + objectKey, "v1.ObjectReference");
        Decode.RequireKind(obj, sourceKey, JsonValueKind.Object, "Event." + sourceKey, "v1.EventSource");
        foreach (var key in new[] { "reason", "type", "action", "reportingInstance", v1 ? "note" : "message", v1 ? "reportingController" : "reportingComponent" })
        {
            Decode.RequireKind(obj, key, JsonValueKind.String, "Event." + key, "string");
        }

        Timestamps.NormalizeTime(obj, firstKey, Decode, "Event." + firstKey);
        Timestamps.NormalizeTime(obj, lastKey, Decode, "Event." + lastKey);
        Timestamps.NormalizeMicroTime(obj, "eventTime", Decode, "Event.eventTime");
        Timestamps.NormalizeMicroTime(obj.GetObject("series"), "lastObservedTime", Decode, "EventSeries.series.lastObservedTime");

        obj.DefaultValue(objectKey, new JsonObject());
        obj.DefaultValue(sourceKey, new JsonObject());
        obj.DefaultNull(firstKey);
        obj.DefaultNull(lastKey);
        obj.DefaultNull("eventTime");
        if (!v1)
        {
            obj.DefaultString("reportingComponent", "");
            obj.DefaultString("reportingInstance", "");
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old)
    {
        var core = EventConversion.IsEventsV1(obj) ? EventConversion.ToCore(obj) : obj;
        var oldCore = old is not null && EventConversion.IsEventsV1(old) ? EventConversion.ToCore(old) : old;

        var causes = new List<StatusCause>();
        EventValidation.ValidateLegacy(core, causes);
        if (strict)
        {
            if (oldCore is null)
            {
                EventValidation.ValidateStrictCreate(core, causes);
            }
            else
            {
                EventValidation.ValidateStrictUpdate(core, oldCore, causes);
            }
        }

        // kube-apiserver checks metadata generically (names only as URL path segments) after
        // the kind's own checks passed on create, and always on update.
        if (causes.Count == 0 || oldCore is not null)
        {
            var generic = new List<StatusCause>();
            ObjectMetaRules.Validate(core, namespaced: true, NameRules.PathSegment, standardFinalizers: false, generic);
            if (oldCore is not null)
            {
                ObjectMetaRules.ValidateUpdate(core, oldCore, generic);
            }

            causes.InsertRange(0, generic.Where(cause => !causes.Contains(cause)).ToList());
        }

        return causes;
    }
}
