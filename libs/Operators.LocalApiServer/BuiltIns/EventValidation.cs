using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>kube-apiserver's Event checks, over the core/v1 form.</summary>
internal static class EventValidation
{
    private const int ReportingInstanceLengthLimit = 128;
    private const int ActionLengthLimit = 128;
    private const int ReasonLengthLimit = 128;
    private const int NoteLengthLimit = 1024;

    // Fields an events.k8s.io/v1 update may not change: core key and the field path kube-apiserver reports.
    private static readonly (string Key, string Field)[] ImmutableFields =
    [
        ("involvedObject", "involvedObject"), ("reason", "reason"), ("message", "message"), ("source", "source"),
        ("firstTimestamp", "firstTimestamp"), ("lastTimestamp", "lastTimestamp"), ("count", "count"), ("type", "type"),
        ("eventTime", "eventTime"), ("action", "action"), ("related", "related"),
        ("reportingComponent", "reportingController"), ("reportingInstance", "reportingInstance"),
    ];

    /// <summary>The checks every Event passes, whichever API wrote it.</summary>
    public static void ValidateLegacy(JsonObject core, List<StatusCause> causes)
    {
        var ns = core.GetObject("metadata").GetStringOrEmpty("namespace");
        var involvedNamespace = core.GetObject("involvedObject").GetStringOrEmpty("namespace");
        if (!Timestamps.IsSet(core, "eventTime"))
        {
            var matches = involvedNamespace.Length == 0 ? ns is "" or "default" : ns == involvedNamespace;
            if (!matches)
            {
                causes.Add(FieldCauses.Invalid("involvedObject.namespace", involvedNamespace, "does not match event.namespace"));
            }
        }
        else
        {
            if (involvedNamespace.Length == 0 && ns is not ("default" or "kube-system"))
            {
                causes.Add(FieldCauses.Invalid("involvedObject.namespace", involvedNamespace, "does not match event.namespace"));
            }

            var controller = core.GetStringOrEmpty("reportingComponent");
            if (controller.Length == 0)
            {
                causes.Add(FieldCauses.Required("reportingController"));
            }

            causes.AddRange(FieldCauses.InvalidEach("reportingController", controller, ContentRules.QualifiedName(controller)));
            RequireWithLimit(core, "reportingInstance", "reportingInstance", ReportingInstanceLengthLimit, causes);
            RequireWithLimit(core, "action", "action", ActionLengthLimit, causes);
            RequireWithLimit(core, "reason", "reason", ReasonLengthLimit, causes);
            if (core.GetStringOrEmpty("message").Length > NoteLengthLimit)
            {
                causes.Add(FieldCauses.Invalid("message", "", $"can have at most {NoteLengthLimit} characters"));
            }
        }

        causes.AddRange(FieldCauses.InvalidEach("namespace", ns, ContentRules.Dns1123Subdomain(ns)));
    }

    /// <summary>What events.k8s.io/v1 adds on create.</summary>
    public static void ValidateStrictCreate(JsonObject core, List<StatusCause> causes)
    {
        ObjectMetaRules.Validate(core, namespaced: true, NameRules.DnsSubdomain, standardFinalizers: true, causes);
        ValidateSeries(core, causes);
        if (!Timestamps.IsSet(core, "eventTime"))
        {
            causes.Add(FieldCauses.Required("eventTime"));
        }

        var type = core.GetStringOrEmpty("type");
        if (type is not ("Normal" or "Warning"))
        {
            causes.Add(FieldCauses.Invalid("type", "", "has invalid value: " + type));
        }

        foreach (var key in new[] { "firstTimestamp", "lastTimestamp" })
        {
            if (Timestamps.IsSet(core, key))
            {
                causes.Add(FieldCauses.Invalid(key, "", "needs to be unset"));
            }
        }

        if (core.GetInteger("count") is { } count and not 0)
        {
            causes.Add(FieldCauses.Invalid("count", "", "needs to be unset"));
        }

        var source = core.GetObject("source");
        if (source.GetStringOrEmpty("component").Length > 0 || source.GetStringOrEmpty("host").Length > 0)
        {
            causes.Add(FieldCauses.Invalid("source", "", "needs to be unset"));
        }
    }

    /// <summary>What events.k8s.io/v1 adds on update: most fields are immutable.</summary>
    public static void ValidateStrictUpdate(JsonObject core, JsonObject oldCore, List<StatusCause> causes)
    {
        ObjectMetaRules.ValidateUpdate(core, oldCore, causes);
        if (!JsonNode.DeepEquals(core["series"], oldCore["series"]))
        {
            ValidateSeries(core, causes);
        }

        foreach (var (key, field) in ImmutableFields)
        {
            if (!JsonNode.DeepEquals(Normalized(core[key]), Normalized(oldCore[key])))
            {
                causes.Add(FieldCauses.InvalidRendered(field, AsSent(core[key]), FieldCauses.Immutable));
            }
        }
    }

    private static void ValidateSeries(JsonObject core, List<StatusCause> causes)
    {
        if (core.GetObject("series") is not { } series)
        {
            return;
        }

        if ((series.GetInteger("count") ?? 0) < 2)
        {
            causes.Add(FieldCauses.Invalid("series.count", "", "should be at least 2"));
        }

        if (!Timestamps.IsSet(series, "lastObservedTime"))
        {
            causes.Add(FieldCauses.Required("series.lastObservedTime"));
        }
    }

    private static void RequireWithLimit(JsonObject core, string key, string field, int limit, List<StatusCause> causes)
    {
        var value = core.GetStringOrEmpty(key);
        if (value.Length == 0)
        {
            causes.Add(FieldCauses.Required(field));
        }

        if (value.Length > limit)
        {
            causes.Add(FieldCauses.Invalid(field, "", $"can have at most {limit} characters"));
        }
    }

    // A changed immutable value as the message shows it: a string quoted, anything else as the JSON the client sent.
    private static string AsSent(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => GoQuote.Quote(value.GetValue<string>()),
        _ => node.ToJsonString(),
    };

    // An absent field, null, "" and {} are the same Go zero value.
    private static JsonNode? Normalized(JsonNode? node) => node switch
    {
        JsonObject { Count: 0 } => null,
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>().Length == 0 => null,
        _ => node,
    };
}
