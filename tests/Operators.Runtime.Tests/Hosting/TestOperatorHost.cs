using System.Net;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Operators.Runtime.Hosting;
using Operators.Runtime.LeaderElection;
using Prometheus;

namespace Operators.Runtime.Tests.Hosting;

/// <summary>A host wired with the extensions, a ConfigMap controller and its own metrics registry, on free ports.</summary>
public sealed class TestOperatorHost : IAsyncDisposable
{
    private static readonly HttpClient Http = new();
    private bool _running;

    private TestOperatorHost(IHost host)
    {
        Host = host;
        Log = host.Services.GetRequiredService<ReconcileLog>();
    }

    public IHost Host { get; }

    public ReconcileLog Log { get; }

    internal OperatorEndpoints Endpoints => Host.Services.GetRequiredService<OperatorEndpoints>();

    /// <summary>Builds (but does not start) a host on free ports with text logs; <paramref name="args"/> override these flags.</summary>
    public static TestOperatorHost Create(string name, string kubeconfig, params string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            ["--kubeconfig", kubeconfig, "--metrics-bind-address", "127.0.0.1:0", "--health-probe-bind-address", "127.0.0.1:0", "--log-format", "text", .. args]);
        builder.Services.AddSingleton(Metrics.NewCustomRegistry());
        builder.Services.AddSingleton<ReconcileLog>();
        builder.Services.Configure<LeaderElectionOptions>(o =>
        {
            o.LeaseDuration = TimeSpan.FromSeconds(3);
            o.RenewDeadline = TimeSpan.FromSeconds(2);
            o.RetryPeriod = TimeSpan.FromMilliseconds(200);
        });
        builder.AddOperator(o => o.Name = name);
        builder.AddController<V1ConfigMap, RecordingConfigMapReconciler>();
        return new TestOperatorHost(builder.Build());
    }

    public async Task StartAsync()
    {
        await Host.StartAsync();
        _running = true;
    }

    /// <summary>Runs the host as a program does, returning its exit code.</summary>
    public Task<int> RunAsProgramAsync()
    {
        return Host.RunOperatorAsync();
    }

    public async Task StopAsync()
    {
        _running = false;
        await Host.StopAsync();
    }

    public static Task<HttpResponseMessage> GetAsync(IPEndPoint? endpoint, string path) =>
        Http.GetAsync(new Uri($"http://{endpoint}{path}"));

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await Host.StopAsync();
        }

        Host.Dispose();
    }
}
