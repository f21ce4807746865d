using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;

namespace Operators.LocalApiServer.Tests.Api;

public sealed class AuthenticationTests
{
    [Test]
    public async Task WithBearerTokens_RejectsMissingOrUnknownTokens_AndAcceptsKnownOnes()
    {
        var options = new LocalApiServerOptions();
        options.BearerTokens["s3cret"] = "operator";
        await using var server = await LocalApiServer.StartAsync(options);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        (await http.GetAsync("api/v1/namespaces")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        (await http.GetAsync("api/v1/namespaces")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        (await http.GetAsync("api/v1/namespaces")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task WithBearerTokens_HealthEndpointsStayOpen()
    {
        var options = new LocalApiServerOptions();
        options.BearerTokens["s3cret"] = "operator";
        await using var server = await LocalApiServer.StartAsync(options);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        (await http.GetStringAsync("readyz")).Should().Be("ok");
    }
}
