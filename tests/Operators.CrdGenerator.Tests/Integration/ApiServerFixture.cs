using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using k8s;
using k8s.Models;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Api.NovaAgents;
using Operators.LocalApiServer;
using Operators.Runtime.Client;
using Prometheus;
using ApiServer = Operators.LocalApiServer.LocalApiServer;

namespace Operators.CrdGenerator.Tests.Integration;

/// <summary>
/// One in-process API server per fixture with the three generated CRDs installed through the
/// runtime's typed client, and a plain HTTP client for sending raw (possibly invalid) objects.
/// </summary>
public abstract class ApiServerFixture
{
    /// <summary>The three resource types of Operators.Api.</summary>
    protected static readonly Type[] ResourceTypes = [typeof(V1Alpha1BuildingBlock), typeof(V1Alpha1NovaAgent), typeof(V1Alpha1MaintenanceNotifier)];

    private Kubernetes _kubernetes = null!;

    protected ApiServer Server { get; private set; } = null!;

    protected KubeApiClient Api { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServerAndInstallCrdsAsync()
    {
        Server = await ApiServer.StartAsync(new LocalApiServerOptions { DeploymentController = false });
        _kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = Server.BaseAddress.ToString() });
        Api = new KubeApiClient(
            _kubernetes,
            new KubeApiClientOptions { Qps = 10_000, Burst = 10_000, RetryBaseDelay = TimeSpan.FromMilliseconds(5) },
            OpenStackJsonContext.Default,
            TimeProvider.System,
            new RestClientMetrics(Metrics.NewCustomRegistry()));
        Http = new HttpClient { BaseAddress = Server.BaseAddress };

        foreach (var type in ResourceTypes)
        {
            await Api.For<V1CustomResourceDefinition>().CreateAsync(CustomResourceDefinitions.Generate(type));
        }

        foreach (var type in ResourceTypes)
        {
            await WaitUntilServedAsync(CustomResourceDefinitions.Generate(type));
        }

        await Http.PostAsync("api/v1/namespaces", Json("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"openstack"}}"""));
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        Http.Dispose();
        _kubernetes.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Polls a list of the CRD's resource until it stops answering 404 (15 s at most).</summary>
    protected async Task WaitUntilServedAsync(V1CustomResourceDefinition crd)
    {
        var watch = Stopwatch.StartNew();
        var path = $"apis/{crd.Spec.Group}/{crd.Spec.Versions[0].Name}/{crd.Spec.Names.Plural}";
        while (true)
        {
            using var response = await Http.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK);
                return;
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(15))
            {
                Assert.Fail($"{crd.Metadata.Name} was not served within 15 s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>POSTs <paramref name="obj"/> to its resource in its namespace; returns the status code and the response body.</summary>
    protected async Task<(HttpStatusCode Status, JsonObject Body)> CreateAsync(JsonObject obj)
    {
        var plural = ResourceTypes
            .Select(CustomResourceDefinitions.Generate)
            .Single(c => c.Spec.Names.Kind == obj["kind"]!.GetValue<string>()).Spec.Names.Plural;
        var ns = obj["metadata"]!["namespace"]?.GetValue<string>() ?? "default";
        using var response = await Http.PostAsync($"apis/{ApiGroup.ApiVersion}/namespaces/{ns}/{plural}", Json(obj.ToJsonString()));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>The field names of a Status error's causes.</summary>
    protected static IReadOnlyList<string> CauseFields(JsonObject status) =>
        (status["details"]?["causes"]?.AsArray() ?? []).Select(c => c?["field"]?.GetValue<string>() ?? "").ToList();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
