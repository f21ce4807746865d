using FluentAssertions;

namespace Operators.BuildingBlock.Tests;

/// <summary>A status just written is not written again while the cache is behind; a cache that caught up ends that.</summary>
public sealed class WrittenStatusesTests
{
    private const string Key = "openstack/bb091";
    private static readonly byte[] Written = "{\"readyAgents\":4}"u8.ToArray();
    private static readonly byte[] Other = "{\"readyAgents\":3}"u8.ToArray();

    [Test]
    public void ACacheOlderThanTheWrite_ComputingTheWrittenStatus_IsBehind()
    {
        var statuses = new WrittenStatuses();
        statuses.Wrote(Key, "120", Written);

        statuses.CacheIsBehind(Key, "118", Written).Should().BeTrue();
        statuses.CacheIsBehind(Key, "118", Other).Should().BeFalse("a different status is a change to write");
        statuses.CacheIsBehind("openstack/bb092", "118", Written).Should().BeFalse("another block has no record");
    }

    [Test]
    public void ACacheThatCaughtUp_EndsTheRecord()
    {
        var statuses = new WrittenStatuses();
        statuses.Wrote(Key, "120", Written);

        statuses.CacheIsBehind(Key, "120", Written).Should().BeFalse();
        statuses.CacheIsBehind(Key, "118", Written).Should().BeFalse("the record ended when the cache showed the write");
    }

    [Test]
    public void VersionsThatAreNotIntegers_AreNeverTakenAsBehind()
    {
        var statuses = new WrittenStatuses();
        statuses.Wrote(Key, "abc", Written);
        statuses.CacheIsBehind(Key, "1", Written).Should().BeFalse("nothing was recorded");

        statuses.Wrote(Key, "120", Written);
        statuses.CacheIsBehind(Key, "x7", Written).Should().BeFalse();
        statuses.CacheIsBehind(Key, "118", Written).Should().BeFalse("an unreadable cached version ended the record");
    }

    [Test]
    public void AForgottenBlock_HasNoRecord()
    {
        var statuses = new WrittenStatuses();
        statuses.Wrote(Key, "120", Written);
        statuses.Forget(Key);

        statuses.CacheIsBehind(Key, "118", Written).Should().BeFalse();
    }
}
