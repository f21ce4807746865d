using System.Diagnostics;
using FluentAssertions;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;
using Operators.Runtime.Tests.Client;

namespace Operators.Runtime.Tests.Controllers;

/// <summary>
/// Reconciles against the local API server with an OpenTelemetry tracer provider exporting to memory: each reconcile
/// is an activity tagged with controller, namespace, name and result, and the API calls it makes are its children.
/// </summary>
public sealed class ReconcileTracingTests : ApiServerTestBase
{
    [Test]
    public async Task Reconcile_IsAnActivityWithItsTags_AndItsApiCallsAreChildActivities()
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(ControllerTelemetry.SourceName, KubeApiClientTelemetry.SourceName)
            .AddInMemoryExporter(exported)
            .Build();
        var api = CreateClient();
        var ns = UniqueName("trace");
        await api.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var configMaps = api.For<V1ConfigMap>();
        await configMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "source", NamespaceProperty = ns } });

        var controllerName = UniqueName("tracer");
        var reconciler = new TouchingReconciler(configMaps);
        await RunUntilAsync(api, ns, controllerName, reconciler, () => Snapshot(exported).Any(a => IsReconcileOf(a, controllerName, "success")));

        var activities = Snapshot(exported);
        var reconcile = activities.First(a => IsReconcileOf(a, controllerName, "success"));
        reconcile.Kind.Should().Be(ActivityKind.Internal);
        reconcile.GetTagItem("controller").Should().Be(controllerName);
        reconcile.GetTagItem("namespace").Should().Be(ns);
        reconcile.GetTagItem("name").Should().Be("source");
        reconcile.GetTagItem("reconcileID").Should().NotBeNull();

        var calls = activities.Where(a => a.ParentSpanId == reconcile.SpanId).ToList();
        calls.Should().HaveCount(2, "the reconciler made a GET and a PATCH");
        calls.Should().OnlyContain(a => a.Source.Name == KubeApiClientTelemetry.SourceName && a.Kind == ActivityKind.Client && a.TraceId == reconcile.TraceId);
        calls.Select(a => a.GetTagItem("http.request.method")).Should().BeEquivalentTo(["GET", "PATCH"]);
        calls.Should().OnlyContain(a => (string?)a.GetTagItem("k8s.resource") == "configmaps" && (int?)a.GetTagItem("http.response.status_code") == 200);
        calls.Select(a => a.DisplayName).Should().Contain("GET configmaps");
    }

    [Test]
    public async Task FailingReconcile_HasTheErrorResultAndStatus_AndItsFailedCallCarriesTheStatusCode()
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(ControllerTelemetry.SourceName, KubeApiClientTelemetry.SourceName)
            .AddInMemoryExporter(exported)
            .Build();
        var api = CreateClient();
        var ns = UniqueName("trace");
        await api.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var configMaps = api.For<V1ConfigMap>();
        await configMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "source", NamespaceProperty = ns } });
        Server.Faults.FailNext(1, 409, verb: "patch", resource: "configmaps");

        var controllerName = UniqueName("tracer");
        await RunUntilAsync(api, ns, controllerName, new TouchingReconciler(configMaps), () => Snapshot(exported).Any(a => IsReconcileOf(a, controllerName, "error")));

        var activities = Snapshot(exported);
        var reconcile = activities.First(a => IsReconcileOf(a, controllerName, "error"));
        reconcile.Status.Should().Be(ActivityStatusCode.Error);
        var failed = activities.Single(a => a.ParentSpanId == reconcile.SpanId && (string?)a.GetTagItem("http.request.method") == "PATCH");
        failed.GetTagItem("http.response.status_code").Should().Be(409);
        failed.Status.Should().Be(ActivityStatusCode.Error);
    }

    [TestCase("/api/v1/namespaces/ns/configmaps/x", "", "configmaps")]
    [TestCase("/api/v1/namespaces/ns/configmaps", "", "configmaps")]
    [TestCase("/api/v1/namespaces/ns", "", "namespaces")]
    [TestCase("/apis/apps/v1/namespaces/ns/deployments/x/status", "apps", "deployments/status")]
    [TestCase("/apis/coordination.k8s.io/v1/leases", "coordination.k8s.io", "leases")]
    public void ResourceOf_NamesTheGroupAndResourceOfAPath(string path, string group, string resource) =>
        KubeApiClientTelemetry.ResourceOf(path).Should().Be((group, resource));

    private static bool IsReconcileOf(Activity activity, string controller, string result) =>
        activity.Source.Name == ControllerTelemetry.SourceName
        && (string?)activity.GetTagItem("controller") == controller
        && (string?)activity.GetTagItem("result") == result;

    private static List<Activity> Snapshot(List<Activity> exported)
    {
        lock (exported)
        {
            return [.. exported];
        }
    }

    private static async Task RunUntilAsync(KubeApiClient api, string ns, string controllerName, IReconciler reconciler, Func<bool> done)
    {
        using var stop = new CancellationTokenSource();
        var factory = new SharedInformerFactory(api);
        var controller = new ControllerBuilder<V1ConfigMap>(factory, ns)
            .WithOptions(new ControllerOptions { Name = controllerName })
            .Build(reconciler, NullLogger.Instance, Prometheus.Metrics.NewCustomRegistry());
        factory.Start(stop.Token);
        var run = controller.RunAsync(stop.Token);
        try
        {
            await Eventually.HoldsAsync(done, "the reconcile activity is exported");
        }
        finally
        {
            await stop.CancelAsync();
            await run;
            await factory.DisposeAsync();
        }
    }

    /// <summary>Reads its object and patches a label on it: two API calls per reconcile.</summary>
    private sealed class TouchingReconciler(IResourceClient<V1ConfigMap> configMaps) : IReconciler
    {
        public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
        {
            var current = await configMaps.GetAsync(request.Name, request.Namespace, cancellationToken);
            if (current.Metadata.Labels?.ContainsKey("touched") == true)
            {
                return ReconcileResult.Done;
            }

            await configMaps.PatchAsync(request.Name, ResourcePatch.Merge("{\"metadata\":{\"labels\":{\"touched\":\"yes\"}}}"), request.Namespace, cancellationToken);
            return ReconcileResult.Done;
        }
    }
}
