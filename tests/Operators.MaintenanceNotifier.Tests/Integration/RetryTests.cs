using FluentAssertions;
using Operators.Api.MaintenanceNotifiers;

namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>How attempts end: retried with backoff through the work queue, or given up at once.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RetryTests
{
    [Test]
    public async Task ServiceUnavailableThreeTimes_ThenOk_DeliversTheSameIdOnTheFourthAttempt_AfterBackoffs()
    {
        await using var scenario = await StartAsync("unavailable", out var hook);
        NotifierScenario.Receiver.Script(scenario.Path(hook), ScriptedResponse.Status(503), ScriptedResponse.Status(503), ScriptedResponse.Status(503));
        await CreateNotifierAsync(scenario, hook);

        await scenario.EnterAsync("bb091");
        await scenario.WaitForEventAsync(hook, "DeliveryRetrying");
        var record = await scenario.WaitForRecordAsync(hook, "bb091", r => r.Phase == "Delivered", "delivered");

        var requests = scenario.Received(hook);
        requests.Should().HaveCount(4);
        requests.Select(r => r.Header("Idempotency-Key")).Distinct().Should().ContainSingle().Which.Should().Be(record.EventId);
        requests.Select(r => r.Text).Distinct().Should().ContainSingle("every attempt sends the same body");
        for (var i = 1; i < requests.Count; i++)
        {
            (requests[i].ReceivedAt - requests[i - 1].ReceivedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), "initialBackoffSeconds is 1");
        }

        record.Attempts.Should().Be(4);
        record.ResponseCode.Should().Be(200);
        scenario.Operator.Metrics.Value("retried").Should().Be(3);
        scenario.Operator.Metrics.Value("delivered").Should().Be(1);
    }

    [Test]
    public async Task TooManyRequests_WithRetryAfter2_WaitsAtLeastTwoSeconds()
    {
        await using var scenario = await StartAsync("ratelimited", out var hook);
        NotifierScenario.Receiver.Script(scenario.Path(hook), new ScriptedResponse(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "2" }));
        await CreateNotifierAsync(scenario, hook);

        await scenario.EnterAsync("bb091");
        var record = await scenario.WaitForRecordAsync(hook, "bb091", r => r.Phase == "Delivered", "delivered");

        var requests = scenario.Received(hook);
        requests.Should().HaveCount(2);
        (requests[1].ReceivedAt - requests[0].ReceivedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2), "Retry-After: 2 is longer than the 1 s backoff");
        record.Attempts.Should().Be(2);
    }

    [Test]
    public async Task BadRequest_FailsAtOnce_WithDegraded_AndTheNextEventProceeds()
    {
        await using var scenario = await StartAsync("badrequest", out var hook);
        NotifierScenario.Receiver.Script(scenario.Path(hook), ScriptedResponse.Status(400));
        await CreateNotifierAsync(scenario, hook);

        await scenario.EnterAsync("bb091");
        var failed = await scenario.WaitForRecordAsync(hook, "bb091", r => r.Phase == "Failed", "failed");
        await scenario.WaitForConditionAsync(hook, "Degraded", "True", "DeliveryFailed");
        var warning = await scenario.WaitForEventAsync(hook, "DeliveryFailed");

        failed.Should().Match<DeliveryRecord>(r => r.Attempts == 1 && r.ResponseCode == 400 && r.Event == "Entered" && r.NextAttemptTime == null);
        warning.Type.Should().Be("Warning");
        scenario.Received(hook).Should().ContainSingle("a 400 is not retried");
        scenario.Operator.Metrics.Value("failed").Should().Be(1);

        await scenario.LeaveAsync("bb091");
        await scenario.WaitForRecordAsync(hook, "bb091", r => r is { Event: "Left", Phase: "Delivered" }, "the Left delivered");
        await scenario.WaitForConditionAsync(hook, "Degraded", "False", "DeliveriesHealthy");
    }

    [Test]
    public async Task Gone_FailsWithEndpointGone()
    {
        await using var scenario = await StartAsync("gone", out var hook);
        NotifierScenario.Receiver.Script(scenario.Path(hook), ScriptedResponse.Status(410));
        await CreateNotifierAsync(scenario, hook);

        await scenario.EnterAsync("bb091");

        var record = await scenario.WaitForRecordAsync(hook, "bb091", r => r.Phase == "Failed", "failed");
        record.ResponseCode.Should().Be(410);
        await scenario.WaitForConditionAsync(hook, "Degraded", "True", "EndpointGone");
        (await scenario.WaitForEventAsync(hook, "EndpointGone")).Type.Should().Be("Warning");
        scenario.Received(hook).Should().ContainSingle();
    }

    [Test]
    public async Task HangingReceiver_IsTimedOut_AndTheNextAttemptDelivers()
    {
        await using var scenario = await StartAsync("hanging", out var hook);
        NotifierScenario.Receiver.Script(scenario.Path(hook), new ScriptedResponse(200, Delay: TimeSpan.FromSeconds(30)));
        await CreateNotifierAsync(scenario, hook, spec => spec.Webhook.TimeoutSeconds = 1);

        await scenario.EnterAsync("bb091");

        var retrying = await scenario.WaitForEventAsync(hook, "DeliveryRetrying");
        retrying.Note.Should().Contain("timed out after 1 s");
        var record = await scenario.WaitForRecordAsync(hook, "bb091", r => r.Phase == "Delivered", "delivered");
        record.Attempts.Should().Be(2);
        var requests = scenario.Received(hook);
        requests.Should().HaveCount(2);
        (requests[1].ReceivedAt - requests[0].ReceivedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2), "a 1 s timeout, then at least the 1 s backoff");
    }

    [Test]
    public async Task MaxAttemptsExhausted_FailsWithDegradedAndAWarning_AndTheNextEventProceeds()
    {
        await using var scenario = await StartAsync("exhausted", out var hook);
        NotifierScenario.Receiver.Script(scenario.Path(hook), ScriptedResponse.Status(503), ScriptedResponse.Status(500));
        await CreateNotifierAsync(scenario, hook, spec => spec.Retry!.MaxAttempts = 2);

        await scenario.EnterAsync("bb091");

        var failed = await scenario.WaitForRecordAsync(hook, "bb091", r => r.Phase == "Failed", "failed");
        failed.Attempts.Should().Be(2);
        failed.Message.Should().StartWith("gave up after 2 attempt(s)");
        await scenario.WaitForConditionAsync(hook, "Degraded", "True", "DeliveryFailed");
        await scenario.WaitForEventAsync(hook, "DeliveryFailed");

        await scenario.LeaveAsync("bb091");
        await scenario.WaitForRecordAsync(hook, "bb091", r => r is { Event: "Left", Phase: "Delivered", Attempts: 1 }, "the Left delivered");
        scenario.Received(hook).Should().HaveCount(3);
    }

    [Test]
    public async Task Redirect_IsNotFollowed_AndFails()
    {
        await using var scenario = await StartAsync("redirect", out var hook);
        NotifierScenario.Receiver.Script(scenario.Path(hook), new ScriptedResponse(302, Headers: new Dictionary<string, string> { ["Location"] = scenario.Url("elsewhere") }));
        await CreateNotifierAsync(scenario, hook);

        await scenario.EnterAsync("bb091");

        var record = await scenario.WaitForRecordAsync(hook, "bb091", r => r.Phase == "Failed", "failed");
        record.ResponseCode.Should().Be(302);
        record.Message.Should().Contain("redirects are not followed");
        scenario.Received("elsewhere").Should().BeEmpty();
    }

    private static Task<NotifierScenario> StartAsync(string prefix, out string hook)
    {
        hook = prefix;
        return StartWithBlockAsync(prefix);
    }

    private static async Task<NotifierScenario> StartWithBlockAsync(string prefix)
    {
        var scenario = await NotifierScenario.StartAsync(prefix);
        await scenario.CreateBlockAsync("bb091");
        return scenario;
    }

    /// <summary>A notifier named like its hook, with fast retries (1 s initial, 2 s max backoff).</summary>
    private static async Task CreateNotifierAsync(NotifierScenario scenario, string hook, Action<MaintenanceNotifierSpec>? configure = null)
    {
        await scenario.CreateNotifierAsync(hook, new WebhookSpec { Url = scenario.Url(hook) }, spec =>
        {
            spec.Retry = new RetrySpec { InitialBackoffSeconds = 1, MaxBackoffSeconds = 2 };
            configure?.Invoke(spec);
        });
        await scenario.WaitForConditionAsync(hook, "Ready", "True", "Subscribed");
    }
}
