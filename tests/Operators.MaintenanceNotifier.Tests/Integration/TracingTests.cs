using System.Diagnostics;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Delivery;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;

namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>
/// The operator's host with tracing on (an OTLP endpoint configured, as in a cluster) and an in-memory exporter added
/// to the tracer provider the hosting builds: a delivery is a webhook activity under the reconcile that made it.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class TracingTests
{
    [Test]
    public async Task Delivery_IsAWebhookActivity_UnderTheReconcile_InTheSameTraceAsItsApiCalls()
    {
        var exported = new List<Activity>();
        await using var scenario = await NotifierScenario.StartAsync("trace", builder =>
        {
            // Nothing listens there: the OTLP exporter's failures are its own; the in-memory copy is what the test reads.
            builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported));
        });
        await scenario.CreateBlockAsync("bb091");
        await scenario.CreateNotifierAsync("ops", new WebhookSpec { Url = scenario.Url("ops") });
        await scenario.EnterAsync("bb091");
        await scenario.WaitForRecordAsync("ops", "bb091", r => r is { Event: "Entered", Phase: "Delivered" }, "Entered delivered");

        List<Activity> activities = [];
        Activity? webhook = null;
        await Eventually.HoldsAsync(
            () =>
            {
                lock (exported)
                {
                    activities = [.. exported];
                }

                webhook = activities.FirstOrDefault(a => a.Source.Name == DeliveryTelemetry.SourceName && Parent(activities, a) is { } parent
                    && (string?)parent.GetTagItem("namespace") == scenario.Namespace);
                return webhook is not null;
            },
            "a webhook activity of this namespace is exported");

        var reconcile = Parent(activities, webhook!)!;
        reconcile.Source.Name.Should().Be(ControllerTelemetry.SourceName);
        reconcile.GetTagItem("controller").Should().Be("maintenancenotifier");
        reconcile.GetTagItem("name").Should().Be("ops");
        reconcile.GetTagItem("result").Should().NotBeNull();
        webhook!.Kind.Should().Be(ActivityKind.Client);
        webhook.TraceId.Should().Be(reconcile.TraceId);
        webhook.GetTagItem("http.response.status_code").Should().Be(200);
        webhook.GetTagItem("webhook.result").Should().Be(nameof(AttemptResult.Delivered));
        webhook.Status.Should().NotBe(ActivityStatusCode.Error);
        activities.Should().Contain(
            a => a.Source.Name == KubeApiClientTelemetry.SourceName && a.ParentSpanId == reconcile.SpanId,
            "the reconcile that delivered also wrote the delivery record through the API");
        activities.Where(a => a.Source.Name == DeliveryTelemetry.SourceName).Should().OnlyContain(a => a.GetTagItem("url.full") == null, "the URL may carry a secret");
    }

    private static Activity? Parent(List<Activity> activities, Activity child) =>
        activities.FirstOrDefault(a => a.SpanId == child.ParentSpanId && a.TraceId == child.TraceId);
}
