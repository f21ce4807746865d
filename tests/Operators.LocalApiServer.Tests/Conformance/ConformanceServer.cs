namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// The one place the conformance tests touch the server: starts a <see cref="LocalApiServer"/> on
/// a random port and tells the runner how to reach it and how to compact its history.
/// </summary>
internal sealed class ConformanceServer : IAsyncDisposable
{
    private readonly LocalApiServer _server;

    private ConformanceServer(LocalApiServer server) => _server = server;

    /// <summary>Starts the server.</summary>
    public static async Task<ConformanceServer> StartAsync() =>
        new(await LocalApiServer.StartAsync(new LocalApiServerOptions { Port = 0 }));

    /// <summary>Runner options aimed at this server.</summary>
    public ScenarioRunnerOptions RunnerOptions() => new()
    {
        BaseAddress = _server.BaseAddress,
        CompactHistory = CompactHistoryAsync,
    };

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Task CompactHistoryAsync()
    {
        _server.Faults.CompactHistory();
        return Task.CompletedTask;
    }
}
