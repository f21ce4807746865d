using System.Net;
using System.Text.Json.Nodes;
using Operators.LocalRun;
using Operators.Testing;

namespace Operators.Reliability.Tests.BadInput;

/// <summary>
/// Runs the corpus against one running system: the <c>given</c> objects of every case first (until their
/// custom resources are Ready), then every case's object at once (through the API, or kubectl for some), then
/// polls the objects the API server accepted until each shows its expected condition or the deadline passes.
/// </summary>
internal sealed class CorpusRunner(RunningSystem system, string namespaceName)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(300);

    private ApiHttpClient Api => system.Local.Api;

    /// <summary>Runs every case and reports how each ended.</summary>
    /// <param name="cases">The corpus.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>One outcome per case, in corpus order.</returns>
    public async Task<IReadOnlyList<CorpusOutcome>> RunAsync(IReadOnlyList<CorpusCase> cases, CancellationToken cancellationToken)
    {
        var givenProblems = await CreateGivenAsync(cases, cancellationToken);
        using var kubectlSlots = new SemaphoreSlim(3);
        var sent = await Task.WhenAll(cases.Select(c => givenProblems.TryGetValue(c.Name, out var problem)
            ? Task.FromResult<Sent>(new Sent.Broken(problem))
            : SendAsync(c, kubectlSlots, cancellationToken)));

        var pending = cases.Where((c, i) => sent[i] is Sent.Accepted).ToList();
        var start = DateTime.UtcNow;
        Dictionary<string, JsonObject> objects;
        while (true)
        {
            objects = await ReadObjectsAsync(pending, cancellationToken);
            var open = pending.Where(c => !c.Expect.IsRefusal && !ConditionMatches(c, objects)).ToList();
            if (open.Count == 0 || DateTime.UtcNow - start > Deadline)
            {
                break;
            }

            await Task.Delay(Poll, cancellationToken);
        }

        return [.. cases.Select((c, i) => Judge(c, sent[i], objects))];
    }

    private async Task<Dictionary<string, string>> CreateGivenAsync(IReadOnlyList<CorpusCase> cases, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = await Task.WhenAll(cases.SelectMany(c => c.Given.Select(async given =>
        {
            var response = await Api.CreateAsync(Collection(given), given, cancellationToken);
            return (Case: c, Given: given, Response: response);
        })));
        foreach (var (c, given, response) in results.Where(r => !r.Response.IsSuccess))
        {
            problems[c.Name] = $"given {Key(given)} was refused: {response.Describe()}";
        }

        var waiting = results.Where(r => r.Response.IsSuccess && CorpusResources.Of(KindOf(r.Given)).IsCustom).ToList();
        await Eventually.HoldsAsync(
            async () =>
            {
                var objects = await ReadObjectsAsync(waiting.Select(w => w.Given), cancellationToken);
                return waiting.All(w => objects.TryGetValue(Key(w.Given), out var o) && Condition(o, "Ready") is { Status: "True" });
            },
            "every custom resource of the corpus's given steps is Ready",
            Deadline);
        return problems;
    }

    private async Task<Sent> SendAsync(CorpusCase c, SemaphoreSlim kubectlSlots, CancellationToken cancellationToken)
    {
        if (c.Patch is { } patch)
        {
            var path = CorpusResources.Of(patch.Kind).Collection(namespaceName) + "/" + patch.Name;
            return Classify(await Api.MergePatchAsync(path, patch.Merge, cancellationToken));
        }

        if (!c.ViaKubectl)
        {
            return Classify(await Api.CreateAsync(Collection(c.Create!), c.Create!, cancellationToken));
        }

        var file = Path.Combine(system.Local.RunDirectory, "corpus", c.Name + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, c.Create!.ToJsonString(), cancellationToken);
        await kubectlSlots.WaitAsync(cancellationToken);
        try
        {
            var (exitCode, output, error) = await system.Kubectl.RunAsync("apply", "-f", file);
            return exitCode == 0 ? new Sent.Accepted(output.Trim()) : new Sent.Refused(null, error.Trim());
        }
        finally
        {
            kubectlSlots.Release();
        }
    }

    private static Sent Classify(ApiResponse response) =>
        response.IsSuccess ? new Sent.Accepted($"{(int)response.StatusCode}") : new Sent.Refused(response.StatusCode, Message(response));

    private static CorpusOutcome Judge(CorpusCase c, Sent sent, Dictionary<string, JsonObject> objects)
    {
        var expect = c.Expect;
        switch (sent)
        {
            case Sent.Broken broken:
                return new CorpusOutcome(c, false, broken.Problem);
            case Sent.Refused refused:
                var code = refused.Code is { } status ? $"{(int)status} " : "kubectl: ";
                var named = expect.Field is { } field && refused.Message.Contains(field, StringComparison.Ordinal);
                var passed = expect.IsRefusal && named && (refused.Code is null
                    ? refused.Message.Contains("is invalid", StringComparison.Ordinal)
                    : (int)refused.Code == expect.Code);
                return new CorpusOutcome(c, passed, code + refused.Message);
            default:
                var found = objects.TryGetValue(c.Kind + "/" + c.ObjectName, out var obj) ? obj : null;
                var condition = found is null ? null : Condition(found, expect.Condition);
                var actual = found is null
                    ? "accepted, then gone"
                    : condition is null ? $"accepted; no {expect.Condition} condition" : $"accepted; {expect.Condition}={condition.Status} {condition.Reason}: {condition.Message}";
                return new CorpusOutcome(c, !expect.IsRefusal && found is not null && ConditionMatches(c, objects), actual);
        }
    }

    private static bool ConditionMatches(CorpusCase c, Dictionary<string, JsonObject> objects) =>
        objects.TryGetValue(c.Kind + "/" + c.ObjectName, out var obj)
        && Condition(obj, c.Expect.Condition) is { Status: "False" } condition
        && condition.Reason == c.Expect.Reason
        && c.Expect.Message.All(word => condition.Message.Contains(word, StringComparison.Ordinal));

    /// <summary>The objects named by the cases (or given manifests), read by one list per kind, keyed <c>Kind/name</c>.</summary>
    private async Task<Dictionary<string, JsonObject>> ReadObjectsAsync(IEnumerable<object> items, CancellationToken cancellationToken)
    {
        var kinds = items.Select(i => i is CorpusCase c ? c.Kind : KindOf((JsonObject)i)).Distinct(StringComparer.Ordinal).ToList();
        var objects = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var list = await Api.GetAsync(CorpusResources.Of(kind).Collection(namespaceName), cancellationToken);
            foreach (var item in (list.Body?["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                objects[kind + "/" + item["metadata"]?["name"]?.GetValue<string>()] = item;
            }
        }

        return objects;
    }

    private static ConditionView? Condition(JsonObject obj, string type) =>
        (obj["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(c => c["type"]?.GetValue<string>() == type)
            .Select(c => new ConditionView(c["status"]?.GetValue<string>() ?? "", c["reason"]?.GetValue<string>() ?? "", c["message"]?.GetValue<string>() ?? ""))
            .FirstOrDefault();

    private static string Message(ApiResponse response) => response.Body?["message"]?.GetValue<string>() ?? response.Describe();

    private string Collection(JsonObject manifest) => CorpusResources.Of(KindOf(manifest)).Collection(namespaceName);

    private static string KindOf(JsonObject manifest) => manifest["kind"]!.GetValue<string>();

    private static string Key(JsonObject manifest) => KindOf(manifest) + "/" + manifest["metadata"]!["name"]!.GetValue<string>();

    /// <summary>A condition as read from the JSON of an object.</summary>
    private sealed record ConditionView(string Status, string Reason, string Message);

    /// <summary>What became of a case's request.</summary>
    private abstract record Sent
    {
        /// <summary>The API server took it.</summary>
        public sealed record Accepted(string Detail) : Sent;

        /// <summary>The API server (or kubectl) refused it: the code (null through kubectl) and the message as shown.</summary>
        public sealed record Refused(HttpStatusCode? Code, string Message) : Sent;

        /// <summary>The case could not be run (a given object was refused).</summary>
        public sealed record Broken(string Problem) : Sent;
    }
}
