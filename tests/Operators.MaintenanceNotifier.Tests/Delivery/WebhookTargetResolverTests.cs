using System.Text;
using FluentAssertions;
using k8s.Models;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Delivery;

namespace Operators.MaintenanceNotifier.Tests.Delivery;

public sealed class WebhookTargetResolverTests
{
    private const string SecretUrl = "https://hooks.example.com/services/T000/B000/very-secret-token";
    private const string SigningKey = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    [Test]
    public void Resolve_APlainUrl_DescribesItByHost_WithDefaults()
    {
        var resolution = WebhookTargetResolver.Resolve(Spec(new WebhookSpec { Url = "https://receiver.example.com/hook?x=1" }), _ => null);

        resolution.Target.Should().NotBeNull();
        resolution.Target!.Url.Should().Be(new Uri("https://receiver.example.com/hook?x=1"));
        resolution.Target.Description.Should().Be("receiver.example.com");
        resolution.Target.Format.Should().Be("CloudEvent");
        resolution.Target.SigningKey.Should().BeNull();
        resolution.Target.Timeout.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Test]
    public void Resolve_AUrlAndASigningKeyFromSecrets_NeverDescribesTheUrl()
    {
        var spec = Spec(new WebhookSpec
        {
            UrlSecretRef = new SecretKeyReference { Name = "slack", Key = "url" },
            SigningSecretRef = new SecretKeyReference { Name = "signing", Key = "key" },
            Format = "Slack",
            TimeoutSeconds = 3,
        });

        var resolution = WebhookTargetResolver.Resolve(spec, name => name switch
        {
            "slack" => Secret("url", SecretUrl + "\n"),
            "signing" => Secret("key", SigningKey),
            _ => null,
        });

        resolution.Target!.Url.Should().Be(new Uri(SecretUrl));
        resolution.Target.Description.Should().Be("the URL from secret slack");
        resolution.Target.SigningKey.Should().HaveCount(32);
        resolution.Target.Timeout.Should().Be(TimeSpan.FromSeconds(3));
    }

    [TestCase(null, false)]
    [TestCase("https://a.example", true)]
    public void Resolve_WithoutExactlyOneOfUrlAndUrlSecretRef_IsInvalidSpecNamingSpecWebhook(string? url, bool withRef)
    {
        var spec = Spec(new WebhookSpec { Url = url, UrlSecretRef = withRef ? new SecretKeyReference { Name = "s", Key = "k" } : null });

        var resolution = WebhookTargetResolver.Resolve(spec, _ => Secret("k", SecretUrl));

        resolution.Should().Be(TargetResolution.Failed("InvalidSpec", "spec.webhook: set exactly one of url and urlSecretRef"));
    }

    [Test]
    public void Resolve_AMaxBackoffBelowTheInitialOne_IsInvalidSpecNamingBothFields()
    {
        var spec = new MaintenanceNotifierSpec
        {
            Webhook = new WebhookSpec { Url = "https://receiver.example.com/hook" },
            Retry = new RetrySpec { InitialBackoffSeconds = 300, MaxBackoffSeconds = 10 },
        };

        var resolution = WebhookTargetResolver.Resolve(spec, _ => null);

        resolution.Target.Should().BeNull();
        resolution.Reason.Should().Be(MaintenanceNotifierConditions.InvalidSpec);
        resolution.Message.Should().Contain("spec.retry.maxBackoffSeconds").And.Contain("initialBackoffSeconds");
    }

    [Test]
    public void Resolve_AMissingSecretOrKey_IsSecretNotFoundNamingSecretAndKey()
    {
        var spec = Spec(new WebhookSpec { UrlSecretRef = new SecretKeyReference { Name = "slack", Key = "url" } });

        WebhookTargetResolver.Resolve(spec, _ => null).Should().Be(
            TargetResolution.Failed("SecretNotFound", "spec.webhook.urlSecretRef: secret slack not found"));
        WebhookTargetResolver.Resolve(spec, _ => Secret("other", SecretUrl)).Should().Be(
            TargetResolution.Failed("SecretNotFound", "spec.webhook.urlSecretRef: secret slack has no key url"));
    }

    [Test]
    public void Resolve_MalformedSecretValues_AreInvalidSpecWithoutTheValue()
    {
        var urlSpec = Spec(new WebhookSpec { UrlSecretRef = new SecretKeyReference { Name = "slack", Key = "url" } });
        var keySpec = Spec(new WebhookSpec { Url = "https://a.example", SigningSecretRef = new SecretKeyReference { Name = "signing", Key = "key" } });

        var badUrl = WebhookTargetResolver.Resolve(urlSpec, _ => Secret("url", "ftp://very-secret-token"));
        var badKey = WebhookTargetResolver.Resolve(keySpec, _ => Secret("key", "very-secret-token"));

        badUrl.Reason.Should().Be("InvalidSpec");
        badKey.Reason.Should().Be("InvalidSpec");
        badUrl.Message.Should().NotContain("very-secret-token").And.Contain("secret slack");
        badKey.Message.Should().NotContain("very-secret-token").And.Contain("secret signing");
    }

    [Test]
    public void ReferencedSecrets_ListsUrlAndSigningSecrets()
    {
        var spec = Spec(new WebhookSpec
        {
            UrlSecretRef = new SecretKeyReference { Name = "a", Key = "k" },
            SigningSecretRef = new SecretKeyReference { Name = "b", Key = "k" },
        });

        WebhookTargetResolver.ReferencedSecrets(spec).Should().Equal("a", "b");
    }

    private static MaintenanceNotifierSpec Spec(WebhookSpec webhook) => new() { Webhook = webhook };

    private static V1Secret Secret(string key, string value) => new() { Data = new Dictionary<string, byte[]> { [key] = Encoding.UTF8.GetBytes(value) } };
}
