using System.Text.Json.Nodes;
using FluentAssertions;
using k8s.Models;
using Operators.Api.MaintenanceNotifiers;

namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>Which transitions a subscription gets: its blocks, its lifetime, its suspension.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SubscriptionTests
{
    [Test]
    public async Task TwoNotifiersWithDifferentSelectors_GetOnlyTheirBlocks()
    {
        await using var scenario = await NotifierScenario.StartAsync("selectors");
        await scenario.CreateBlockAsync("bb091", new Dictionary<string, string> { ["team"] = "a" });
        await scenario.CreateBlockAsync("bb092", new Dictionary<string, string> { ["team"] = "b" });
        await scenario.CreateNotifierAsync("team-a", new WebhookSpec { Url = scenario.Url("team-a") }, spec =>
            spec.BuildingBlockSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "a" } });
        await scenario.CreateNotifierAsync("team-b", new WebhookSpec { Url = scenario.Url("team-b") }, spec =>
            spec.BuildingBlockSelector = new V1LabelSelector
            {
                MatchExpressions = [new V1LabelSelectorRequirement { Key = "team", OperatorProperty = "In", Values = ["b"] }],
            });
        await scenario.WaitForConditionAsync("team-a", "Ready", "True", "Subscribed");
        await scenario.WaitForConditionAsync("team-b", "Ready", "True", "Subscribed");

        await scenario.EnterAsync("bb091");
        await scenario.EnterAsync("bb092");
        await scenario.WaitForRecordAsync("team-a", "bb091", r => r.Phase == "Delivered", "delivered");
        await scenario.WaitForRecordAsync("team-b", "bb092", r => r.Phase == "Delivered", "delivered");

        scenario.Received("team-a").Select(Subject).Should().Equal("bb091");
        scenario.Received("team-b").Select(Subject).Should().Equal("bb092");
        (await scenario.GetNotifierAsync("team-a")).Status!.Should().Match<MaintenanceNotifierStatus>(s => s.MatchedBuildingBlocks == 1 && s.Deliveries!.Count == 1);

        await scenario.RelabelBlockAsync("bb091", "team", "c");
        await Eventually.ReturnsAsync(
            async () => (await scenario.GetNotifierAsync("team-a")).Status is { MatchedBuildingBlocks: 0, Deliveries: null } status ? status : null,
            "team-a dropped the record of the block it no longer selects");
    }

    [Test]
    public async Task ANotifierCreatedAfterATransition_DoesNotReplayIt()
    {
        await using var scenario = await NotifierScenario.StartAsync("history");
        await scenario.CreateBlockAsync("bb091");
        await scenario.EnterAsync("bb091", DateTime.UtcNow.AddMinutes(-10));
        await scenario.CreateNotifierAsync("late", new WebhookSpec { Url = scenario.Url("late") });
        var ready = await scenario.WaitForConditionAsync("late", "Ready", "True", "Subscribed");
        ready.Status!.MatchedBuildingBlocks.Should().Be(1);
        ready.Status.Deliveries.Should().BeNullOrEmpty("the Entered happened before the subscription");

        await scenario.LeaveAsync("bb091");
        await scenario.WaitForRecordAsync("late", "bb091", r => r is { Event: "Left", Phase: "Delivered" }, "the Left delivered");

        scenario.Received("late").Select(r => JsonNode.Parse(r.Body)!["data"]!["event"]!.GetValue<string>()).Should().Equal("Left");
    }

    [Test]
    public async Task Suspend_RecordsSkipped_AndNeverSendsItLater()
    {
        await using var scenario = await NotifierScenario.StartAsync("suspend");
        await scenario.CreateBlockAsync("bb091");
        await scenario.CreateNotifierAsync("paused", new WebhookSpec { Url = scenario.Url("paused") }, spec => spec.Suspend = true);
        await scenario.WaitForConditionAsync("paused", "Ready", "False", "Suspended");

        await scenario.EnterAsync("bb091");
        var skipped = await scenario.WaitForRecordAsync("paused", "bb091", r => r.Phase == "Skipped", "skipped");
        skipped.Event.Should().Be("Entered");
        scenario.Operator.Metrics.Value("skipped").Should().Be(1);

        await scenario.UpdateNotifierAsync("paused", spec => spec.Suspend = false);
        await scenario.WaitForConditionAsync("paused", "Ready", "True", "Subscribed");
        await scenario.LeaveAsync("bb091");
        await scenario.WaitForRecordAsync("paused", "bb091", r => r is { Event: "Left", Phase: "Delivered" }, "the Left delivered");

        scenario.Received("paused").Select(r => JsonNode.Parse(r.Body)!["data"]!["event"]!.GetValue<string>())
            .Should().Equal(["Left"], "the Entered skipped while suspended is never sent, and it would have gone first");
    }

    [Test]
    public async Task AMissingSecret_GivesSecretNotFound_AndRecoversWhenItIsCreated()
    {
        await using var scenario = await NotifierScenario.StartAsync("secret");
        await scenario.CreateBlockAsync("bb091");
        var token = "T0-" + Guid.NewGuid().ToString("N");
        var secretUrl = scenario.Url("slack/" + token);
        await scenario.CreateNotifierAsync("slack", new WebhookSpec
        {
            UrlSecretRef = new SecretKeyReference { Name = "slack-webhook", Key = "url" },
            Format = "Slack",
        });

        var notReady = await scenario.WaitForConditionAsync("slack", "Ready", "False", "SecretNotFound");
        notReady.Status!.Conditions!.Single(c => c.Type == "Ready").Message.Should().Contain("slack-webhook");
        (await scenario.WaitForEventAsync("slack", "SecretNotFound")).Type.Should().Be("Warning");
        await scenario.EnterAsync("bb091");
        var pending = await scenario.WaitForRecordAsync("slack", "bb091", r => r.Phase == "Pending", "pending");
        pending.Attempts.Should().Be(0);

        await scenario.CreateSecretAsync("slack-webhook", new Dictionary<string, string> { ["url"] = secretUrl });
        await scenario.WaitForRecordAsync("slack", "bb091", r => r.Phase == "Delivered", "delivered");
        var ready = await scenario.WaitForConditionAsync("slack", "Ready", "True", "Subscribed");

        ready.Status!.Conditions!.Single(c => c.Type == "Ready").Message.Should().Contain("the URL from secret slack-webhook");
        var request = scenario.Received("slack/" + token).Should().ContainSingle().Subject;
        request.ContentType.Should().Be("application/json");
        JsonNode.Parse(request.Body)!["text"]!.GetValue<string>().Should().StartWith($"Building block {scenario.Namespace}/bb091 (zone qa-de-1a, 2 hosts) entered maintenance at ");
        await scenario.WaitForEventAsync("slack", "Delivered");
        await scenario.AssertNoSecretLeakedAsync(token);
    }

    [Test]
    public async Task BothUrlAndUrlSecretRef_IsInvalidSpecNamingTheField()
    {
        await using var scenario = await NotifierScenario.StartAsync("invalid");
        await scenario.CreateNotifierAsync("both", new WebhookSpec
        {
            Url = scenario.Url("both"),
            UrlSecretRef = new SecretKeyReference { Name = "s", Key = "url" },
        });

        var invalid = await scenario.WaitForConditionAsync("both", "Ready", "False", "InvalidSpec");

        invalid.Status!.Conditions!.Single(c => c.Type == "Ready").Message.Should().StartWith("spec.webhook:");
        (await scenario.WaitForEventAsync("both", "InvalidSpec")).Type.Should().Be("Warning");
    }

    private static string Subject(ReceivedRequest request) => JsonNode.Parse(request.Body)!["subject"]!.GetValue<string>();
}
