using FluentAssertions;
using Operators.Api.MaintenanceNotifiers;
using Operators.Runtime.Client;

namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>
/// A notification POSTed whose status record fails to land (an API outage, 5xx beyond the client's retries)
/// is recorded by the next reconcile, never sent again: only a crash between send and record may resend.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class UnrecordedDeliveryTests
{
    /// <summary>One status write with all of the client's retries.</summary>
    private const int OneFailedWrite = KubeApiClientOptions.DefaultMaxRetries + 1;

    [Test]
    public async Task StatusWriteFailsAfterTheSend_TheRecordIsWrittenLater_AndTheNotificationIsNotSentAgain()
    {
        await using var scenario = await NotifierScenario.StartAsync("unrecorded");
        await scenario.CreateBlockAsync("bb091");
        await scenario.CreateNotifierAsync("ops", new WebhookSpec { Url = scenario.Url("ops") });
        await scenario.WaitForConditionAsync("ops", "Ready", "True", "Subscribed");
        IntegrationEnvironment.Server.Faults.FailNext(
            OneFailedWrite, 503, verb: "update", resource: "maintenancenotifiers/status", inNamespace: scenario.Namespace);

        await scenario.EnterAsync("bb091");
        var record = await scenario.WaitForRecordAsync("ops", "bb091", r => r is { Event: "Entered", Phase: "Delivered" }, "Entered delivered", TimeSpan.FromSeconds(60));

        scenario.Received("ops").Should().ContainSingle("the POST was made once; only its record was written again");
        scenario.Logs.Lines.Should().Contain(line => line.Contains("its status write had failed", StringComparison.Ordinal), "the first record write failed with every retry");
        record.Attempts.Should().Be(1);
        record.DeliveredTime.Should().NotBeNull();
        (await scenario.GetNotifierAsync("ops")).Status!.LastDeliveryTime.Should().Be(record.DeliveredTime);

        await scenario.LeaveAsync("bb091");
        await scenario.WaitForRecordAsync("ops", "bb091", r => r is { Event: "Left", Phase: "Delivered", Attempts: 1 }, "the Left delivered");
        scenario.Received("ops").Should().HaveCount(2, "the next transition is delivered as usual");
    }
}
