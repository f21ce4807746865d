using FluentAssertions;
using k8s;
using k8s.Models;
using Operators.LocalApiServer.Authorization;

namespace Operators.LocalApiServer.Tests.Authorization;

public sealed class RbacOffByDefaultTests
{
    [Test]
    public async Task WithoutEnforceRbac_AServiceAccountWithoutAnyBindingMayDoEverything()
    {
        var options = new LocalApiServerOptions();
        options.Tokens["sa"] = TokenUser.ServiceAccount("team", "nobody");
        await using var server = await LocalApiServer.StartAsync(options);
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString(), AccessToken = "sa" });

        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new() { Name = "s" } }, "default");

        (await client.CoreV1.ListSecretForAllNamespacesAsync()).Items.Should().ContainSingle();
        server.Denials.Count.Should().Be(0);
    }

    [Test]
    public void TokenFile_ReadsKubesTokenAuthFileFormat()
    {
        var tokens = TokenFile.Parse(
        [
            "# token,user,uid,groups",
            "",
            "t1,admin,1,\"system:masters,ops\"",
            "t2,system:serviceaccount:openstack-operators:nova-agent",
        ]);

        tokens["t1"].Should().BeEquivalentTo(new TokenUser("admin", ["system:masters", "ops"]));
        tokens["t2"].Name.Should().Be("system:serviceaccount:openstack-operators:nova-agent");
        tokens["t2"].Groups.Should().BeEmpty();
        ServiceAccountUsers.GroupsOf(tokens["t2"]).Should().Equal(
            "system:serviceaccounts", "system:serviceaccounts:openstack-operators", "system:authenticated");
        var broken = () => TokenFile.Parse(["only-a-token"]);
        broken.Should().Throw<FormatException>().WithMessage("*line 1*");
    }
}
