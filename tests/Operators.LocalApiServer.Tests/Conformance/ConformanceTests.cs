using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Replays every recorded scenario of <c>../shared/apiserver-conformance</c> against one local
/// API server and compares the outcome with what the real kube-apiserver produced.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConformanceTests
{
    private const string MissingFolder = "(conformance folder missing)";
    private const int ShownLineLength = 300;

    private ConformanceServer? _server;

    public static IEnumerable<TestCaseData> Scenarios()
    {
        var folder = ConformanceFiles.FindFolder(out _);
        var names = folder is null ? [MissingFolder] : ConformanceFiles.ScenarioNames(folder);
        return names.Select(name => new TestCaseData(name).SetName(name));
    }

    [OneTimeSetUp]
    public async Task StartServerAsync() => _server = await ConformanceServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [TestCaseSource(nameof(Scenarios))]
    public async Task Scenario_replays_like_the_real_kube_apiserver(string scenario)
    {
        var folder = ConformanceFiles.FindFolder(out var problem);
        if (folder is null)
        {
            Assert.Fail(problem);
            return;
        }

        var runner = new ScenarioRunner(_server!.RunnerOptions());
        var result = await runner.RunAsync(ConformanceFiles.LoadScenario(folder, scenario));
        var differences = OutcomeComparer.Compare(ConformanceFiles.LoadExpected(folder, scenario), result.Outcome)
            .Concat(result.RelationViolations)
            .ToList();

        if (differences.Count > 0)
        {
            var lines = differences.Select(line => line.Length > ShownLineLength ? line[..ShownLineLength] + "..." : line);
            Assert.Fail($"{scenario}: {differences.Count} difference(s) from kube-apiserver v1.36:\n" + string.Join('\n', lines));
        }
    }
}
