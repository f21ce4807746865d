using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Replays one conformance scenario against a server: runs the cleanup steps (errors ignored),
/// creates namespace <c>conf-&lt;run&gt;</c> when the scenario wants one, runs the steps and records
/// their normalized outcomes, then closes the watches, runs the cleanup again and deletes the
/// namespace without waiting.
/// </summary>
public sealed class ScenarioRunner
{
    private const string RunIdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const int RunIdLength = 6;

    private readonly ScenarioRunnerOptions _options;

    /// <param name="options">The server under test and how to reach it.</param>
    public ScenarioRunner(ScenarioRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Replays <paramref name="scenario"/> (the parsed scenario file).</summary>
    public async Task<ScenarioResult> RunAsync(JsonObject scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var http = new HttpClient { BaseAddress = _options.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var sender = new RequestSender(http, _options.BearerToken, _options.RequestTimeout);
        await using var state = new ScenarioState(_options.RunId ?? RandomNumberGenerator.GetString(RunIdAlphabet, RunIdLength));
        state.Normalizer.AddSentStrings(scenario["steps"]);
        var executor = new StepExecutor(state, sender, _options.CompactHistory);
        var cleanup = StepsOf(scenario, "cleanup");
        var usesNamespace = JsonText.BoolOf(scenario["namespace"], fallback: true);

        await RunCleanupAsync(executor, cleanup, cancellationToken);
        if (usesNamespace)
        {
            await CreateNamespaceAsync(sender, state.NamespaceName, cancellationToken);
        }

        try
        {
            foreach (var step in StepsOf(scenario, "steps"))
            {
                await executor.ExecuteAsync(step, record: true, cancellationToken);
            }
        }
        finally
        {
            await state.CloseWatchesAsync();
            await RunCleanupAsync(executor, cleanup, cancellationToken);
            if (usesNamespace)
            {
                await DeleteNamespaceAsync(sender, state.NamespaceName, cancellationToken);
            }
        }

        var outcome = new JsonObject { ["scenario"] = JsonText.StringOf(scenario["name"]), ["steps"] = state.Outcomes };
        return new ScenarioResult(outcome, state.Relations.Violations);
    }

    private static List<JsonObject> StepsOf(JsonObject scenario, string key) =>
        (scenario[key] as JsonArray ?? []).OfType<JsonObject>().ToList();

    private static async Task RunCleanupAsync(StepExecutor executor, IEnumerable<JsonObject> cleanup, CancellationToken cancellationToken)
    {
        foreach (var step in cleanup)
        {
            try
            {
                await executor.ExecuteAsync(step, record: false, cancellationToken);
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException or HttpRequestException)
            {
                // Cleanup errors are ignored: the steps only remove leftovers.
            }
        }
    }

    private static async Task CreateNamespaceAsync(RequestSender sender, string name, CancellationToken cancellationToken)
    {
        var request = RequestSpec.Parse(new JsonObject
        {
            ["method"] = "POST",
            ["path"] = "/api/v1/namespaces",
            ["body"] = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } },
        });
        var response = await sender.SendAsync(request, cancellationToken);
        if (response.Status is < 200 or > 299)
        {
            throw new InvalidOperationException($"Creating namespace {name} answered {response.Status}: {response.Error ?? response.Text}");
        }
    }

    private static async Task DeleteNamespaceAsync(RequestSender sender, string name, CancellationToken cancellationToken)
    {
        var request = RequestSpec.Parse(new JsonObject { ["method"] = "DELETE", ["path"] = "/api/v1/namespaces/" + name });
        await sender.SendAsync(request, cancellationToken);
    }
}
