using System.Net;
using FluentAssertions;
using k8s;
using k8s.Autorest;

namespace Operators.LocalApiServer.Tests.Api;

public sealed class FaultInjectionTests : ServerFixture
{
    [SetUp]
    public void ResetControls()
    {
        Server.Faults.Clear();
        Server.Requests.Reset();
    }

    [TestCase(429)]
    [TestCase(500)]
    [TestCase(503)]
    [TestCase(409)]
    public async Task FailNext_FailsExactlyThatManyMatchingRequests(int code)
    {
        Server.Faults.FailNext(2, code, verb: "create", resource: "configmaps");

        for (var i = 0; i < 2; i++)
        {
            var act = () => Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), Ns);
            ((int)(await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode).Should().Be(code);
        }

        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), Ns);
    }

    [Test]
    public async Task FailNext_With429_SendsRetryAfter()
    {
        Server.Faults.FailNext(1, 429, verb: "list", retryAfterSeconds: 7);
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };

        using var response = await http.GetAsync($"api/v1/namespaces/{Ns}/configmaps");

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
    }

    [Test]
    public async Task FailNext_DoesNotTouchOtherVerbs()
    {
        Server.Faults.FailNext(1, 500, verb: "delete");

        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), Ns);

        Server.Faults.Rules.Should().ContainSingle().Which.Remaining.Should().Be(1);
    }

    [Test]
    public async Task FailNext_InANamespace_LeavesOtherNamespacesAlone()
    {
        var other = Ns + "-other";
        await Client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new() { Name = other } });
        Server.Faults.FailNext(1, 500, verb: "create", resource: "configmaps", inNamespace: Ns);

        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), other);
        var act = () => Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), Ns);
        ((int)(await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode).Should().Be(500);

        Server.Faults.Rules.Should().ContainSingle().Which.Remaining.Should().Be(0, "the one failure was used in the named namespace");
    }

    [Test]
    public async Task AdminEndpoint_AcceptsANamespaceFilter()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        using var body = new StringContent("{\"count\":2,\"verb\":\"update\",\"resource\":\"configmaps/status\",\"namespace\":\"team-a\"}");
        (await http.PostAsync("_local/faults", body)).EnsureSuccessStatusCode();

        Server.Faults.Rules.Should().ContainSingle().Which.Should().Match<Operators.LocalApiServer.Faults.FaultRule>(
            r => r.Namespace == "team-a" && r.Resource == "configmaps/status" && r.Remaining == 2);
        (await http.GetStringAsync("_local/faults")).Should().Contain("\"namespace\":\"team-a\"");
    }

    [Test]
    public async Task FailRatio_OfOne_FailsEveryMatchingRequestUntilCleared()
    {
        Server.Faults.FailRatio(1.0, TimeSpan.FromMinutes(1), 503, verb: "list", resource: "configmaps");

        for (var i = 0; i < 3; i++)
        {
            var act = () => Client.CoreV1.ListNamespacedConfigMapAsync(Ns);
            (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }

        Server.Faults.Clear();
        await Client.CoreV1.ListNamespacedConfigMapAsync(Ns);
    }

    [Test]
    public async Task AdminEndpoint_CompactsHistoryDropsWatchesAndRestarts()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), Ns);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("b", "1"), Ns);

        (await http.PostAsync("_local/compact", null)).EnsureSuccessStatusCode();
        var stale = await http.GetStringAsync($"api/v1/namespaces/{Ns}/configmaps?watch=true&resourceVersion={created.Metadata.ResourceVersion}");
        stale.Should().Contain("\"type\":\"ERROR\"").And.Contain("Expired");

        await using var watch = new WatchRecorder((onError, ct) => Client.CoreV1.WatchListNamespacedConfigMapAsync(Ns, onError: onError, cancellationToken: ct));
        (await EventuallyAsync(() => Task.FromResult(watch.NonBookmarks.Count == 2))).Should().BeTrue();
        (await http.PostAsync("_local/drop-watches", null)).EnsureSuccessStatusCode();
        (await EventuallyAsync(() => Task.FromResult(watch.Closed))).Should().BeTrue();

        (await http.PostAsync("_local/restart?downtimeMs=500", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await EventuallyAsync(() => Task.FromResult(!Server.IsListening))).Should().BeTrue("the listener stops");
        (await EventuallyAsync(() => Task.FromResult(Server.IsListening))).Should().BeTrue("and comes back");
        (await Client.CoreV1.ReadNamespacedConfigMapAsync("a", Ns)).Data["v"].Should().Be("1");
    }

    [Test]
    public async Task Latency_DelaysRequests()
    {
        Server.Faults.Latency = TimeSpan.FromMilliseconds(300);
        try
        {
            var started = DateTime.UtcNow;
            await Client.CoreV1.ListNamespacedConfigMapAsync(Ns);
            (DateTime.UtcNow - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
        }
        finally
        {
            Server.Faults.Clear();
        }
    }

    [Test]
    public async Task Partition_DropsRequestsOfThatClientOnly()
    {
        using var other = new HttpClient { BaseAddress = Server.BaseAddress };
        other.DefaultRequestHeaders.UserAgent.ParseAdd("partitioned-operator/1.0");
        Server.Faults.Partition("partitioned-operator");
        try
        {
            var act = () => other.GetAsync($"api/v1/namespaces/{Ns}/configmaps");
            await act.Should().ThrowAsync<HttpRequestException>();
            await Client.CoreV1.ListNamespacedConfigMapAsync(Ns);
        }
        finally
        {
            Server.Faults.Clear();
        }
    }

    [Test]
    public async Task AdminEndpoint_InjectsFaultsAndCountsRequests()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        using var body = new StringContent("{\"count\":1,\"verb\":\"get\",\"resource\":\"configmaps\",\"statusCode\":503}");
        (await http.PostAsync("_local/faults", body)).EnsureSuccessStatusCode();
        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("a", "1"), Ns);

        var act = () => Client.CoreV1.ReadNamespacedConfigMapAsync("a", Ns);
        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

        var counters = await http.GetStringAsync("_local/counters");
        counters.Should().Contain("\"get configmaps\":1").And.Contain("\"create configmaps\"");
    }

    [Test]
    public async Task Access_IsRecordedPerUserAgentProduct_InRbacTerms_AndServedUnderLocal()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("rbac-probe/1.2.3");
        (await http.GetAsync($"api/v1/namespaces/{Ns}/configmaps")).EnsureSuccessStatusCode();
        (await http.GetAsync("api/v1/configmaps?watch=true&timeoutSeconds=1")).EnsureSuccessStatusCode();
        (await http.GetAsync("apis/apps/v1/namespaces/" + Ns + "/deployments/missing/status")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        Server.Requests.AccessBy("rbac-probe").Should().BeEquivalentTo(
        [
            new ObservedAccess("list", "", "configmaps", Namespaced: true),
            new ObservedAccess("watch", "", "configmaps", Namespaced: false),
            new ObservedAccess("get", "apps", "deployments/status", Namespaced: true),
        ]);
        Server.Requests.Clients().Should().Contain("rbac-probe");

        var served = await http.GetStringAsync("_local/access/rbac-probe");
        served.Should().Contain("{\"verb\":\"watch\",\"apiGroup\":\"\",\"resource\":\"configmaps\",\"namespaced\":false}");
        Server.Requests.Reset();
        Server.Requests.AccessBy("rbac-probe").Should().BeEmpty();
    }

    [Test]
    public async Task Restart_KeepsStateAndPort()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("kept", "1"), Ns);
        var port = Server.Port;

        await Server.RestartAsync(TimeSpan.FromMilliseconds(100));

        Server.Port.Should().Be(port);
        (await Client.CoreV1.ReadNamespacedConfigMapAsync("kept", Ns)).Data["v"].Should().Be("1");
    }

    [Test]
    public async Task Stop_RefusesConnectionsUntilStartedAgain()
    {
        await Server.StopListeningAsync();
        try
        {
            var act = () => Client.CoreV1.ListNamespacedConfigMapAsync(Ns);
            await act.Should().ThrowAsync<HttpRequestException>();
        }
        finally
        {
            await Server.StartListeningAsync();
        }

        await Client.CoreV1.ListNamespacedConfigMapAsync(Ns);
    }
}
