using FluentAssertions;
using k8s;
using k8s.Autorest;

namespace Operators.LocalApiServer.Tests.Api;

public sealed class SelectorAndPagingTests : ServerFixture
{
    [SetUp]
    public async Task CreateObjects()
    {
        for (var i = 0; i < 5; i++)
        {
            var labels = new Dictionary<string, string> { ["tier"] = i % 2 == 0 ? "even" : "odd", ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("p" + i, "x", labels), Ns);
        }
    }

    [TestCase("tier=even", new[] { "p0", "p2", "p4" })]
    [TestCase("tier!=even", new[] { "p1", "p3" })]
    [TestCase("n in (1,4)", new[] { "p1", "p4" })]
    [TestCase("n notin (1,4),tier=even", new[] { "p0", "p2" })]
    [TestCase("tier", new[] { "p0", "p1", "p2", "p3", "p4" })]
    [TestCase("!tier", new string[0])]
    public async Task List_WithLabelSelector_ReturnsMatchesSortedByName(string selector, string[] expected)
    {
        var list = await Client.CoreV1.ListNamespacedConfigMapAsync(Ns, labelSelector: selector);

        list.Items.Select(i => i.Metadata.Name).Should().Equal(expected);
    }

    [Test]
    public async Task List_WithFieldSelectorOnName_ReturnsThatObject()
    {
        var list = await Client.CoreV1.ListConfigMapForAllNamespacesAsync(fieldSelector: $"metadata.namespace={Ns},metadata.name=p3");

        list.Items.Should().ContainSingle().Which.Metadata.Name.Should().Be("p3");
    }

    [Test]
    public async Task List_WithUnsupportedFieldSelector_Is400()
    {
        var act = () => Client.CoreV1.ListNamespacedConfigMapAsync(Ns, fieldSelector: "data.v=x");

        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task List_WithLimit_PagesThroughEverythingWithContinueTokens()
    {
        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Client.CoreV1.ListNamespacedConfigMapAsync(Ns, limit: 2, continueParameter: token);
            names.AddRange(page.Items.Select(i => i.Metadata.Name));
            token = page.Metadata.ContinueProperty;
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        pages.Should().Be(3);
        names.Should().Equal("p0", "p1", "p2", "p3", "p4");
    }

    [Test]
    public async Task List_WithContinueTokenFromBeforeCompaction_Is410()
    {
        var page = await Client.CoreV1.ListNamespacedConfigMapAsync(Ns, limit: 2);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("later", "x"), Ns);
        Server.Faults.CompactHistory();

        var act = () => Client.CoreV1.ListNamespacedConfigMapAsync(Ns, limit: 2, continueParameter: page.Metadata.ContinueProperty);

        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.Gone);
    }
}
