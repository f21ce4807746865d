using Microsoft.Extensions.Hosting;

namespace Operators.LocalApiServer;

/// <summary>
/// A host lifetime that does not hook process signals: the server is embedded (in tests, or in
/// <c>Program</c>, which handles Ctrl-C and SIGTERM itself), so a signal must not stop only the
/// listener and leave the process running.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
