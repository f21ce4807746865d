using System.Globalization;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// The relation checks that fail a scenario whatever its expectations say: a stored write that
/// returns a resourceVersion not seen before in the scenario must return one greater than every
/// earlier write's, and the event resourceVersions of one watch must strictly increase (except in
/// windows marked <c>rvIncreasing: false</c>).
/// </summary>
internal sealed class RelationChecker
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastEventRv = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];
    private long? _latestWriteRv;
    private string? _latestWriteRvText;

    /// <summary>The broken relations found so far, one line each.</summary>
    public IReadOnlyList<string> Violations => _violations;

    /// <summary>Checks and remembers the resourceVersions of one request's answer.</summary>
    public void ObserveResponse(string stepId, RequestSpec request, RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var body = response.IsJson ? response.Json : null;
        if (request.IsStoredWrite && body is JsonObject written && !KubeObjects.IsListLike(written)
            && KubeObjects.ResourceVersionOf(written) is { Length: > 0 } rv)
        {
            CheckWrite(stepId, rv);
        }

        _seen.UnionWith(KubeObjects.ObjectResourceVersions(body));
    }

    /// <summary>Checks and remembers the resourceVersions of watch events that arrived for one <c>watchEvents</c> step.</summary>
    public void ObserveEvents(string stepId, string watchName, IEnumerable<JsonObject> events, bool rvIncreasing)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var watchEvent in events)
        {
            var type = JsonText.StringOf(watchEvent["type"]);
            var rv = KubeObjects.ResourceVersionOf(watchEvent["object"]);
            if (type is "BOOKMARK" or "ERROR" || rv is null)
            {
                continue;
            }

            _seen.Add(rv);
            if (!long.TryParse(rv, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            if (_lastEventRv.TryGetValue(watchName, out var last))
            {
                if (rvIncreasing && number <= last)
                {
                    _violations.Add($"step {stepId}: watch {watchName}: event resourceVersion \"{rv}\" is not greater than the earlier event's \"{last.ToString(CultureInfo.InvariantCulture)}\"");
                }

                number = Math.Max(number, last);
            }

            _lastEventRv[watchName] = number;
        }
    }

    private void CheckWrite(string stepId, string rv)
    {
        if (!long.TryParse(rv, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return;
        }

        if (!_seen.Contains(rv) && _latestWriteRv >= number)
        {
            _violations.Add($"step {stepId}: write resourceVersion \"{rv}\" is not greater than the earlier write's \"{_latestWriteRvText}\"");
        }

        if (_latestWriteRv is null || number > _latestWriteRv)
        {
            _latestWriteRv = number;
            _latestWriteRvText = rv;
        }
    }
}
