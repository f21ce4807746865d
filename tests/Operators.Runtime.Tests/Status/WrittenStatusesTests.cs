using FluentAssertions;
using Operators.Runtime.Status;

namespace Operators.Runtime.Tests.Status;

/// <summary>The status just written is what a reconcile compares with while the cache is behind; a cache that caught up ends that.</summary>
public sealed class WrittenStatusesTests
{
    private const string Key = "openstack/bb091";
    private static readonly byte[] Written = "{\"readyAgents\":4}"u8.ToArray();

    [Test]
    public void ACacheOlderThanTheWrite_GivesTheWrittenStatus()
    {
        var statuses = new WrittenStatuses<byte[]>();
        statuses.Wrote(Key, "120", Written);

        statuses.TryGetNewerThanCache(Key, "118", out var written).Should().BeTrue();
        written.Should().BeSameAs(Written);
        statuses.TryGetNewerThanCache("openstack/bb092", "118", out _).Should().BeFalse("another object has no record");
    }

    [Test]
    public void ACacheThatCaughtUp_EndsTheRecord()
    {
        var statuses = new WrittenStatuses<byte[]>();
        statuses.Wrote(Key, "120", Written);

        statuses.TryGetNewerThanCache(Key, "120", out _).Should().BeFalse();
        statuses.TryGetNewerThanCache(Key, "118", out _).Should().BeFalse("the record ended when the cache showed the write");
    }

    [Test]
    public void VersionsThatAreNotIntegers_AreNeverTakenAsBehind()
    {
        var statuses = new WrittenStatuses<byte[]>();
        statuses.Wrote(Key, "abc", Written);
        statuses.TryGetNewerThanCache(Key, "1", out _).Should().BeFalse("nothing was recorded");

        statuses.Wrote(Key, "120", Written);
        statuses.TryGetNewerThanCache(Key, "x7", out _).Should().BeFalse();
        statuses.TryGetNewerThanCache(Key, "118", out _).Should().BeFalse("an unreadable cached version ended the record");
    }

    [Test]
    public void AForgottenObject_HasNoRecord()
    {
        var statuses = new WrittenStatuses<byte[]>();
        statuses.Wrote(Key, "120", Written);
        statuses.Forget(Key);

        statuses.TryGetNewerThanCache(Key, "118", out _).Should().BeFalse();
    }
}
