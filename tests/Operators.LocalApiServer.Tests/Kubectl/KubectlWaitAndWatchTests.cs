using FluentAssertions;

namespace Operators.LocalApiServer.Tests.Kubectl;

public sealed class KubectlWaitAndWatchTests : CustomResourceFixture
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Test]
    public async Task Wait_ForCondition_SucceedsOnceTheStatusSubresourceSetsIt()
    {
        await ApplyBuildingBlockAsync("az1");
        var watchesBefore = Server.Requests.Get("watch", "buildingblocks");
        await using var wait = Kubectl.Start("wait", "--for=condition=Ready", $"{TestManifests.ShortName}/az1", "--timeout=30s", "-n", Ns);
        (await EventuallyAsync(() => Server.Requests.Get("watch", "buildingblocks") > watchesBefore)).Should().BeTrue("kubectl wait should be watching");

        await SetReadyAsync("az1", "True");

        var result = (await wait.WaitForExitAsync(Deadline)).ShouldSucceed();
        result.StdOut.Should().Contain($"buildingblock.{TestManifests.Group}/az1 condition met");
    }

    [Test]
    public async Task Wait_ForConditionNeverSet_TimesOut()
    {
        await ApplyBuildingBlockAsync("az1");
        await SetReadyAsync("az1", "True");

        var result = (await RunInNamespaceAsync("wait", "--for=condition=Degraded", $"{TestManifests.ShortName}/az1", "--timeout=1s")).ShouldFail();

        result.StdErr.Should().Contain("timed out waiting for the condition on buildingblocks/az1");
    }

    [Test]
    public async Task GetWatch_ReceivesAnUpdateMadeAfterItStarted()
    {
        await ApplyBuildingBlockAsync("az1", "az-one");
        await using var watch = Kubectl.Start("get", TestManifests.ShortName, "--watch", "--output-watch-events", "-n", Ns);
        var added = await watch.WaitForLineAsync(line => line.StartsWith("ADDED", StringComparison.Ordinal), Deadline);
        Words(added).Should().StartWith(["ADDED", "az1", "az-one"]);

        (await RunInNamespaceAsync("patch", TestManifests.ShortName, "az1", "--type", "merge", "-p", """{"spec":{"availabilityZone":"az-two"}}""")).ShouldSucceed();

        var modified = await watch.WaitForLineAsync(line => line.StartsWith("MODIFIED", StringComparison.Ordinal), Deadline);
        Words(modified).Should().StartWith(["MODIFIED", "az1", "az-two"]);
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return condition();
    }
}
