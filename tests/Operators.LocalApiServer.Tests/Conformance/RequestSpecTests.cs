using FluentAssertions;
using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Conformance;

public sealed class RequestSpecTests
{
    [Test]
    public void A_get_sends_accept_json_and_the_bearer_token_and_no_body()
    {
        using var message = RequestSpec.Parse(TestJson.Object("{'path': '/api/v1/namespaces'}")).ToMessage("t0ken");

        message.Method.Should().Be(HttpMethod.Get);
        message.RequestUri!.OriginalString.Should().Be("/api/v1/namespaces");
        message.Headers.GetValues("Accept").Should().Equal("application/json");
        message.Headers.GetValues("Authorization").Should().Equal("Bearer t0ken");
        message.Content.Should().BeNull();
    }

    [Test]
    public async Task A_body_is_sent_as_json_with_the_content_type_of_the_scenario()
    {
        using var message = RequestSpec.Parse(TestJson.Object("""
            {'method': 'patch', 'path': '/x', 'body': {'data': {'a': null, 'b': '<1>'}}, 'contentType': 'application/merge-patch+json',
             'headers': {'Accept': 'application/json;as=Table;v=v1;g=meta.k8s.io'}}
            """)).ToMessage(bearerToken: null);

        message.Method.Should().Be(HttpMethod.Patch);
        message.Headers.Contains("Authorization").Should().BeFalse();
        message.Headers.NonValidated["Accept"].ToString().Should().Be("application/json;as=Table;v=v1;g=meta.k8s.io");
        message.Content!.Headers.NonValidated["Content-Type"].ToString().Should().Be("application/merge-patch+json");
        (await message.Content.ReadAsStringAsync()).Should().Be("{\"data\":{\"a\":null,\"b\":\"<1>\"}}");
    }

    [Test]
    public async Task A_raw_body_is_sent_as_written_with_a_json_content_type()
    {
        using var message = RequestSpec.Parse(TestJson.Object("{'method': 'POST', 'path': '/x', 'bodyRaw': ''}")).ToMessage(bearerToken: null);

        message.Content!.Headers.GetValues("Content-Type").Should().Equal("application/json");
        (await message.Content.ReadAsStringAsync()).Should().BeEmpty();
    }

    [Test]
    public void Query_values_may_be_lists_and_are_encoded_in_order()
    {
        var request = RequestSpec.Parse(TestJson.Object("{'path': '/x', 'query': {'labelSelector': 'tier in (a,b)', 'dryRun': ['All', 'All'], 'limit': 2}}"))
            .WithLeadingQuery("watch", "true");

        request.PathAndQuery.Should().Be("/x?watch=true&labelSelector=tier%20in%20%28a%2Cb%29&dryRun=All&dryRun=All&limit=2");
    }

    [TestCase("POST", "", true)]
    [TestCase("PUT", "", true)]
    [TestCase("PATCH", "", true)]
    [TestCase("DELETE", "", false)]
    [TestCase("GET", "", false)]
    [TestCase("POST", "All", false)]
    public void Stored_writes_are_post_put_and_patch_without_dry_run(string method, string dryRun, bool stored)
    {
        var query = dryRun.Length == 0 ? "{}" : "{'dryRun': 'All'}";

        RequestSpec.Parse(TestJson.Object($"{{'method': '{method}', 'path': '/x', 'query': {query}}}")).IsStoredWrite.Should().Be(stored);
    }
}
