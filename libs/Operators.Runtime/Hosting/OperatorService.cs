using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;
using Operators.Runtime.LeaderElection;
using Prometheus;

namespace Operators.Runtime.Hosting;

/// <summary>
/// Runs the operator: builds the controllers, starts the informers (they warm up while standing by),
/// marks the process ready once they synced, and runs the controllers, while leading when leader
/// election is on. Stopping drains in-flight reconciles and releases the Lease; a lost Lease stops
/// the host with exit code 1.
/// </summary>
internal sealed class OperatorService(
    IServiceProvider services,
    IOptions<OperatorOptions> options,
    IOptions<LeaderElectionOptions> leaderElection,
    IEnumerable<IControllerRegistration> registrations,
    KubeApiClient client,
    SharedInformerFactory informers,
    CacheReadiness readiness,
    CollectorRegistry registry,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<OperatorService>();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var settings = options.Value;
            var controllerLogger = loggerFactory.CreateLogger<Controller>();
            var controllers = registrations.Select(r => r.Build(services, informers, settings, controllerLogger, registry, time)).ToList();
            informers.Start(stoppingToken);
            var synced = WaitForSyncAsync(stoppingToken);
            if (!settings.LeaderElect)
            {
                await RunControllersAsync(controllers, synced, stoppingToken).ConfigureAwait(false);
                return;
            }

            var elector = new LeaderElector(
                client.Kubernetes,
                leaderElection.Value,
                new LeaderElectionCallbacks { OnStartedLeading = leading => RunControllersAsync(controllers, synced, leading) },
                loggerFactory.CreateLogger<LeaderElector>(),
                time,
                registry);
            await elector.RunAsync(stoppingToken).ConfigureAwait(false);
            if (!stoppingToken.IsCancellationRequested)
            {
                HostingLog.LeadershipLost(_logger);
                Fail();
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            HostingLog.Failed(_logger, e);
            Fail();
        }
    }

    private async Task<bool> WaitForSyncAsync(CancellationToken cancellationToken)
    {
        if (!await informers.WaitForCacheSyncAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        readiness.MarkSynced();
        HostingLog.CachesSynced(_logger);
        return true;
    }

    private async Task RunControllersAsync(List<Controller> controllers, Task<bool> synced, CancellationToken cancellationToken)
    {
        try
        {
            if (!await synced.WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        HostingLog.ControllersStarting(_logger, controllers.Count);
        await Task.WhenAll(controllers.Select(c => c.RunAsync(cancellationToken))).ConfigureAwait(false);
    }

    private void Fail()
    {
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }
}
