using FluentAssertions;
using Operators.LocalRun;

using Operators.Testing;

namespace Operators.EndToEnd.Tests.LocalRun;

public class SampleManifestsTests
{
    [Test]
    public void Load_OfTheProjectSamples_HasTheNamespaceFirstAndSecretsBeforeNotifiers()
    {
        var samples = SampleManifests.Load(TestRepository.Layout.SamplesFile, SampleManifests.DefaultReceiver);

        var kinds = samples.Select(s => s["kind"]!.GetValue<string>()).ToList();
        kinds.Should().Equal("Namespace", "Secret", "Secret", "BuildingBlock", "BuildingBlock", "BuildingBlock", "MaintenanceNotifier", "MaintenanceNotifier");
        SampleManifests.Namespaces(samples).Should().Equal("openstack");
    }

    [Test]
    public void Parse_WithAnotherReceiver_RewritesEveryWebhookUrlIncludingThoseInSecrets()
    {
        var yaml = """
            kind: MaintenanceNotifier
            spec: {webhook: {url: "http://127.0.0.1:8090/openstack/maintenance"}}
            ---
            kind: Secret
            stringData: {url: "http://127.0.0.1:8090/slack/T000/B000/XXXX"}
            """;

        var samples = SampleManifests.Parse(yaml, new Uri("http://127.0.0.1:40123/"), "test.yaml");

        samples[0]["spec"]!["webhook"]!["url"]!.GetValue<string>().Should().Be("http://127.0.0.1:40123/openstack/maintenance");
        samples[1]["stringData"]!["url"]!.GetValue<string>().Should().Be("http://127.0.0.1:40123/slack/T000/B000/XXXX");
    }

    [Test]
    public void SigningSecret_IsTheWhsecKeyOfTheSamples()
    {
        var samples = SampleManifests.Load(TestRepository.Layout.SamplesFile, SampleManifests.DefaultReceiver);

        SampleManifests.SigningSecret(samples).Should().Be("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    [Test]
    public void SigningSecret_WithoutSuchSecret_IsNull()
    {
        var samples = SampleManifests.Parse("kind: Secret\nstringData: {url: http://example.com}", SampleManifests.DefaultReceiver, "t.yaml");

        SampleManifests.SigningSecret(samples).Should().BeNull();
    }
}
