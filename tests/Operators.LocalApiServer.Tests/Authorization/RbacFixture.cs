using System.Text.Json.Nodes;
using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Operators.LocalApiServer.Authorization;

namespace Operators.LocalApiServer.Tests.Authorization;

/// <summary>A local API server with RBAC enforced, an admin client (token in <c>system:masters</c>) and clients per service account.</summary>
public abstract class RbacFixture
{
    protected const string AdminToken = "admin-token";

    private readonly List<Kubernetes> _clients = [];
    private readonly LocalApiServerOptions _options = new() { EnforceRbac = true };

    protected LocalApiServer Server { get; private set; } = null!;

    protected Kubernetes Admin { get; private set; } = null!;

    protected string Ns { get; private set; } = "";

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _options.Tokens[AdminToken] = TokenUser.Admin();
        Server = await LocalApiServer.StartAsync(_options);
        Admin = new Kubernetes(new KubernetesClientConfiguration { Host = Server.BaseAddress.ToString(), AccessToken = AdminToken });
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _clients.ForEach(c => c.Dispose());
        Admin.Dispose();
        await Server.DisposeAsync();
    }

    [SetUp]
    public async Task CreateNamespace()
    {
        Ns = "t-" + Guid.NewGuid().ToString("N")[..8];
        await Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new() { Name = Ns } });
        Server.Denials.Reset();
    }

    /// <summary>A client authenticated as the service account <paramref name="name"/> of <paramref name="serviceAccountNamespace"/>.</summary>
    protected Kubernetes As(string serviceAccountNamespace, string name) => ClientWith(TokenFor(serviceAccountNamespace, name));

    /// <summary>A new token of the service account <paramref name="name"/> of <paramref name="serviceAccountNamespace"/>.</summary>
    protected string TokenFor(string serviceAccountNamespace, string name)
    {
        var token = "sa-" + Guid.NewGuid().ToString("N");
        _options.Tokens[token] = TokenUser.ServiceAccount(serviceAccountNamespace, name);
        return token;
    }

    protected Kubernetes ClientWith(string token)
    {
        var client = new Kubernetes(new KubernetesClientConfiguration { Host = Server.BaseAddress.ToString(), AccessToken = token });
        _clients.Add(client);
        return client;
    }

    protected async Task GrantClusterWideAsync(string roleName, string serviceAccountNamespace, string serviceAccount, params V1PolicyRule[] rules)
    {
        await Admin.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole { Metadata = new() { Name = roleName }, Rules = rules });
        await Admin.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new() { Name = roleName },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = roleName },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = serviceAccount, NamespaceProperty = serviceAccountNamespace }],
        });
    }

    protected static V1PolicyRule Rule(string group, string resource, params string[] verbs) =>
        new() { ApiGroups = [group], Resources = [resource], Verbs = verbs };

    /// <summary>The Status of the 403 the call fails with.</summary>
    protected static async Task<JsonObject> ForbiddenAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (HttpOperationException e)
        {
            ((int)e.Response.StatusCode).Should().Be(403, e.Response.Content);
            return JsonNode.Parse(e.Response.Content)!.AsObject();
        }

        throw new AssertionException("the call was allowed; it should have been forbidden");
    }
}
