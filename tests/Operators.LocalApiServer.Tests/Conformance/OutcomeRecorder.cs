using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Turns raw bodies, watch events and headers into recorded, normalized outcome values
/// following a step's <c>record</c>. A <c>Status</c> body is always recorded reduced, whatever
/// the record asks for; a body that is not JSON becomes <c>{"&lt;non-json&gt;": first 200 chars}</c>.
/// </summary>
internal sealed class OutcomeRecorder
{
    private const int NonJsonLength = 200;
    private const string NonJsonKey = "<non-json>";

    private readonly Normalizer _normalizer;

    /// <param name="normalizer">The scenario's normalizer (its numbering spans the scenario).</param>
    public OutcomeRecorder(Normalizer normalizer) => _normalizer = normalizer;

    /// <summary>The recorded body of a response (do not call for <c>record: "status"</c>).</summary>
    public JsonNode? RecordBody(RawResponse response, RecordSpec record, bool keepMessage)
    {
        if (!response.IsJson)
        {
            return NonJson(response.Text);
        }

        var prepared = BodyPreparer.Prepare(response.Json);
        return RecordValue(prepared, record, keepMessage);
    }

    /// <summary>The recorded <c>{type, object}</c> of one watch event.</summary>
    public JsonObject RecordEvent(JsonObject watchEvent, RecordSpec record, bool keepMessage)
    {
        var prepared = (JsonObject)BodyPreparer.Prepare(watchEvent)!;
        return new JsonObject
        {
            ["type"] = prepared["type"]?.DeepClone(),
            ["object"] = RecordValue(prepared["object"], record, keepMessage),
        };
    }

    /// <summary>The recorded headers: <c>name -> value</c> (Content-Type reduced to its media type), <c>"&lt;absent&gt;"</c> when missing.</summary>
    public JsonObject RecordHeaders(RawResponse response, IEnumerable<string> names)
    {
        var recorded = new JsonObject();
        foreach (var name in names)
        {
            var value = response.Header(name);
            if (value is not null && string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                value = value.Split(';')[0].Trim();
            }

            recorded[name] = value is null ? Selection.AbsentText : _normalizer.NormalizeText(value);
        }

        return recorded;
    }

    /// <summary>The recorded text of a body that is not JSON.</summary>
    public JsonNode? NonJson(string text) =>
        _normalizer.Normalize(new JsonObject { [NonJsonKey] = text.Length > NonJsonLength ? text[..NonJsonLength] : text });

    private JsonNode? RecordValue(JsonNode? prepared, RecordSpec record, bool keepMessage)
    {
        if (prepared is JsonObject status && KubeObjects.IsStatus(status))
        {
            return _normalizer.Normalize(StatusReducer.Reduce(status, keepMessage));
        }

        if (record.SelectsPaths)
        {
            var recorded = new JsonObject();
            foreach (var path in record.Paths)
            {
                recorded[path.Key] = _normalizer.Normalize(PathEvaluator.Select(prepared, path.Path));
            }

            foreach (var path in record.Present)
            {
                recorded[path.Key + " (present)"] = !PathEvaluator.Select(prepared, path.Path).IsAbsent;
            }

            return recorded;
        }

        foreach (var path in record.Ignore)
        {
            PathEvaluator.Remove(prepared, path);
        }

        return _normalizer.Normalize(prepared);
    }
}
