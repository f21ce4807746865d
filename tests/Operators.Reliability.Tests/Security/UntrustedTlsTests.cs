using FluentAssertions;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.LocalRun;
using Operators.Reliability.Tests.Security;
using Operators.Testing;

namespace Operators.Reliability.Tests;

/// <summary>The untrusted-TLS check of <see cref="UntrustedInputTests"/>, with the operators as processes.</summary>
public sealed partial class UntrustedInputTests
{
    private const string TlsNamespace = "untrusted-tls";

    [Test]
    [Order(6)]
    public async Task AWebhookWhoseCertificateNobodyTrusts_IsRefused_WithADegradedMessageNamingTheCertificateProblem()
    {
        await using var listener = await UntrustedTlsListener.StartAsync();
        var hook = new Uri(listener.BaseAddress, "hook");
        await Running.Local.EnsureNamespaceAsync(TlsNamespace, CancellationToken.None);
        await Running.Local.ApplyAsync(
            YamlManifests.Parse(
                $$$"""
                apiVersion: {{{ApiGroup.ApiVersion}}}
                kind: BuildingBlock
                metadata: {name: tls-bb, namespace: {{{TlsNamespace}}} }
                spec: {availabilityZone: qa-de-1a, hosts: [{name: tls-node-1}], agentTemplate: {image: registry.example.com/nova:1}}
                ---
                apiVersion: {{{ApiGroup.ApiVersion}}}
                kind: MaintenanceNotifier
                metadata: {name: tls-untrusted, namespace: {{{TlsNamespace}}} }
                spec:
                  webhook: {url: "{{{hook}}}", timeoutSeconds: 5}
                  retry: {maxAttempts: 2, initialBackoffSeconds: 1, maxBackoffSeconds: 1}
                """,
                "untrusted TLS manifests"),
            CancellationToken.None);
        var notifiers = Client.For<V1Alpha1MaintenanceNotifier>();
        await Eventually.HoldsAsync(
            async () => Has((await notifiers.GetAsync("tls-untrusted", TlsNamespace)).Status?.Conditions, MaintenanceNotifierConditions.Ready, "True"),
            "tls-untrusted is Subscribed");
        await Eventually.HoldsAsync(
            async () => Has((await Client.For<V1Alpha1BuildingBlock>().GetAsync("tls-bb", TlsNamespace)).Status?.Conditions, BuildingBlockConditions.Ready, "True"),
            "tls-bb is Ready");

        var enter = await Running.Local.Api.MergePatchAsync(
            $"/apis/{ApiGroup.ApiVersion}/namespaces/{TlsNamespace}/buildingblocks/tls-bb",
            System.Text.Json.Nodes.JsonNode.Parse("""{"spec":{"maintenance":{"reason":"CHG-TLS"}}}""")!);
        enter.IsSuccess.Should().BeTrue(enter.Describe());

        V1Alpha1MaintenanceNotifier? notifier = null;
        await Eventually.HoldsAsync(
            async () => Has((notifier = await notifiers.GetAsync("tls-untrusted", TlsNamespace)).Status?.Conditions,
                MaintenanceNotifierConditions.Degraded, "True", MaintenanceNotifierConditions.DeliveryFailed),
            "tls-untrusted is Degraded=True/DeliveryFailed");
        var degraded = notifier!.Status!.Conditions!.Single(c => c.Type == MaintenanceNotifierConditions.Degraded);
        TestContext.Out.WriteLine($"Degraded: {degraded.Message}");
        degraded.Message.Should().ContainAll("tls-bb", "TLS handshake failed", "certificate was rejected");
        var record = notifier.Status.Deliveries!.Single(d => d.BuildingBlock == "tls-bb");
        record.Phase.Should().Be(DeliveryPhases.Failed);
        record.Attempts.Should().Be(2, "a failed handshake is retried like any transport error, then given up");
        record.ResponseCode.Should().BeNull("no HTTP exchange happened");
        record.Message.Should().Contain("certificate");
        listener.Requests.Should().Be(0, "no request gets past a handshake with an untrusted certificate");
        Has(notifier.Status.Conditions, MaintenanceNotifierConditions.Ready, "True").Should().BeTrue("the subscription itself is fine");
    }
}
