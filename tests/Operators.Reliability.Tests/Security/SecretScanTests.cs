using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.LocalRun;
using Operators.Reliability.Tests.Security;
using Operators.Testing;
using Operators.WebhookReceiver;

namespace Operators.Reliability.Tests;

/// <summary>The secret scan of <see cref="UntrustedInputTests"/>: secrets driven through the system never leak.</summary>
public sealed partial class UntrustedInputTests
{
    private const string ScanNamespace = "secret-scan";

    [Test]
    [Order(5)]
    public async Task SecretUrlsAndSigningKeys_ThroughDeliveriesAWrongKeyAndARotation_AppearInNoLogEventStatusOrMetric()
    {
        var (url1, url2, wrongUrl) = (SecretUrl(), SecretUrl(), SecretUrl());
        var (key1, key2) = (SigningKey(), SigningKey());
        await using var first = await NotificationReceiver.StartAsync(new NotificationReceiverOptions { Port = 0, SigningSecret = key1 });
        await using var second = await NotificationReceiver.StartAsync(new NotificationReceiverOptions { Port = 0, SigningSecret = key2 });
        string Url(NotificationReceiver receiver, string path) => new Uri(receiver.BaseAddress, path).ToString();
        await Running.Local.EnsureNamespaceAsync(ScanNamespace, CancellationToken.None);
        await Running.Local.ApplyAsync(
            YamlManifests.Parse(
                $$$"""
                apiVersion: v1
                kind: Secret
                metadata: {name: scan-webhook, namespace: {{{ScanNamespace}}} }
                stringData: {url: "{{{Url(first, url1)}}}"}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: scan-signing, namespace: {{{ScanNamespace}}} }
                stringData: {signing-key: "{{{key1}}}"}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: scan-wrong-key, namespace: {{{ScanNamespace}}} }
                stringData: {webhook-url: "{{{Url(first, wrongUrl)}}}"}
                ---
                apiVersion: {{{ApiGroup.ApiVersion}}}
                kind: BuildingBlock
                metadata: {name: scan-bb, namespace: {{{ScanNamespace}}}, labels: {scan: "true"}}
                spec: {availabilityZone: qa-de-1a, hosts: [{name: scan-node-1}], agentTemplate: {image: registry.example.com/nova:1}}
                ---
                apiVersion: {{{ApiGroup.ApiVersion}}}
                kind: MaintenanceNotifier
                metadata: {name: scan-signed, namespace: {{{ScanNamespace}}} }
                spec:
                  buildingBlockSelector: {matchLabels: {scan: "true"}}
                  webhook: {urlSecretRef: {name: scan-webhook, key: url}, signingSecretRef: {name: scan-signing, key: signing-key}}
                  retry: {initialBackoffSeconds: 1, maxBackoffSeconds: 2}
                ---
                apiVersion: {{{ApiGroup.ApiVersion}}}
                kind: MaintenanceNotifier
                metadata: {name: scan-wrong-key, namespace: {{{ScanNamespace}}} }
                spec:
                  buildingBlockSelector: {matchLabels: {scan: "true"}}
                  webhook: {urlSecretRef: {name: scan-wrong-key, key: url}, format: Slack}
                """,
                "secret scan manifests"),
            CancellationToken.None);

        await Eventually.HoldsAsync(
            async () => Has((await ScanNotifierAsync("scan-signed")).Status?.Conditions, MaintenanceNotifierConditions.Ready, "True", MaintenanceNotifierConditions.Subscribed),
            "scan-signed is Subscribed");
        await Eventually.HoldsAsync(
            async () => ReadyOf(await ScanNotifierAsync("scan-wrong-key")) is { Status: "False", Reason: MaintenanceNotifierConditions.SecretNotFound } ready
                && ready.Message.Contains("scan-wrong-key has no key url", StringComparison.Ordinal),
            "scan-wrong-key is SecretNotFound, naming the Secret and the key");
        await Eventually.HoldsAsync(
            async () => await ScanBlockAsync() is { Status: { } s } && Has(s.Conditions, BuildingBlockConditions.Ready, "True"), "scan-bb is Ready");

        await MaintenanceCycleAsync(first, "CHG-SCAN-1");

        // Rotation: both Secrets change; the next cycle goes to the new URL, signed with the new key.
        await PatchSecretAsync("scan-webhook", "url", Url(second, url2));
        await PatchSecretAsync("scan-signing", "signing-key", key2);
        await Eventually.HoldsAsync(
            async () => ReadyOf(await ScanNotifierAsync("scan-signed"))?.Message.Contains("secret scan-webhook", StringComparison.Ordinal) == true,
            "scan-signed still delivers to the URL from secret scan-webhook");
        var before = first.Received.Count;
        await MaintenanceCycleAsync(second, "CHG-SCAN-2");
        first.Received.Should().HaveCount(before, "after the rotation nothing goes to the old URL");

        await SecretScan.AssertNoLeaksAsync(Running, [Url(first, url1), Url(second, url2), Url(first, wrongUrl), key1, key2, .. CorpusSecrets]);

        // The scan finds what is there: a canary in a ConfigMap is reported, masked.
        var canary = "canary-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await Running.Local.ApplyAsync(
            YamlManifests.Parse($"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: scan-canary, namespace: {ScanNamespace}}}\ndata: {{note: {canary}}}", "canary"),
            CancellationToken.None);
        var found = await SecretScan.FindLeaksAsync(Running, [canary]);
        found.Should().Contain(l => l.StartsWith($"configmaps {ScanNamespace}/scan-canary: the value found", StringComparison.Ordinal));
        found.Should().NotContain(l => l.Contains(canary, StringComparison.Ordinal), "a report never repeats the secret");
    }

    /// <summary>Enters and leaves maintenance on scan-bb; both notifications reach <paramref name="receiver"/>, correctly signed.</summary>
    private async Task MaintenanceCycleAsync(NotificationReceiver receiver, string reason)
    {
        var start = receiver.Received.Count;
        await PatchBlockAsync(new JsonObject { ["spec"] = new JsonObject { ["maintenance"] = new JsonObject { ["reason"] = reason } } });
        await Eventually.HoldsAsync(() => receiver.Received.Skip(start).Any(n => n.Event == MaintenanceEvents.Entered), $"Entered ({reason}) is delivered");
        await PatchBlockAsync(new JsonObject { ["spec"] = new JsonObject { ["maintenance"] = null } });
        await Eventually.HoldsAsync(() => receiver.Received.Skip(start).Any(n => n.Event == MaintenanceEvents.Left), $"Left ({reason}) is delivered");
        receiver.Received.Skip(start).Should().OnlyContain(n => n.Signature == SignatureCheck.Valid && n.Accepted && n.Reason == reason);
    }

    private async Task PatchBlockAsync(JsonObject patch)
    {
        var response = await Running.Local.Api.MergePatchAsync($"/apis/{ApiGroup.ApiVersion}/namespaces/{ScanNamespace}/buildingblocks/scan-bb", patch);
        response.IsSuccess.Should().BeTrue(response.Describe());
    }

    private async Task PatchSecretAsync(string name, string key, string value)
    {
        var patch = new JsonObject { ["data"] = new JsonObject { [key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) } };
        var response = await Running.Local.Api.MergePatchAsync($"/api/v1/namespaces/{ScanNamespace}/secrets/{name}", patch);
        response.IsSuccess.Should().BeTrue(response.Describe());
    }

    private async Task<V1Alpha1MaintenanceNotifier> ScanNotifierAsync(string name) => await Client.For<V1Alpha1MaintenanceNotifier>().GetAsync(name, ScanNamespace);

    private static k8s.Models.V1Condition? ReadyOf(V1Alpha1MaintenanceNotifier notifier) =>
        notifier.Status?.Conditions?.FirstOrDefault(c => c.Type == MaintenanceNotifierConditions.Ready);

    private async Task<V1Alpha1BuildingBlock> ScanBlockAsync() => await Client.For<V1Alpha1BuildingBlock>().GetAsync("scan-bb", ScanNamespace);

    /// <summary>A Slack-like webhook path whose last part is a credential.</summary>
    private static string SecretUrl() => $"hooks/T0SCAN/B0SCAN/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";

    private static string SigningKey() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
