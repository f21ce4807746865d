using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Operators.LocalApiServer.Tests.Authorization;

/// <summary>The minimal RBAC evaluator through the real KubernetesClient: what is allowed, what is refused and how.</summary>
public sealed class RbacEnforcementTests : RbacFixture
{
    [Test]
    public async Task ServiceAccount_WithAClusterRoleBinding_MayDoWhatItsRulesGrantInEveryNamespace()
    {
        await GrantClusterWideAsync("cm-reader-" + Ns, "team", "reader", Rule("", "configmaps", "get", "list", "watch"));
        await Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new() { Name = "settings" } }, Ns);
        var reader = As("team", "reader");

        (await reader.CoreV1.ListNamespacedConfigMapAsync(Ns)).Items.Should().ContainSingle(c => c.Metadata.Name == "settings");
        (await reader.CoreV1.ListConfigMapForAllNamespacesAsync()).Items.Should().Contain(c => c.Metadata.Name == "settings");
        (await reader.CoreV1.ReadNamespacedConfigMapAsync("settings", Ns)).Metadata.Name.Should().Be("settings");
        Server.Denials.Count.Should().Be(0);
    }

    [Test]
    public async Task ServiceAccount_WithoutARule_IsForbiddenWithKubesMessage_AndTheDenialIsListed()
    {
        await GrantClusterWideAsync("cm-reader-" + Ns, "team", "reader", Rule("", "configmaps", "get", "list", "watch"));
        var reader = As("team", "reader");

        var status = await ForbiddenAsync(() => reader.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new() { Name = "x" } }, Ns));
        var list = await ForbiddenAsync(() => reader.AppsV1.ListNamespacedDeploymentAsync(Ns));

        ((string?)status["message"]).Should().Be(
            $"configmaps is forbidden: User \"system:serviceaccount:team:reader\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"{Ns}\"");
        ((string?)status["reason"]).Should().Be("Forbidden");
        ((int?)status["code"]).Should().Be(403);
        ((string?)status["details"]!["kind"]).Should().Be("configmaps");
        ((string?)list["message"]).Should().Be(
            $"deployments.apps is forbidden: User \"system:serviceaccount:team:reader\" cannot list resource \"deployments\" in API group \"apps\" in the namespace \"{Ns}\"");
        Server.Denials.Count.Should().Be(2);

        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        var denials = JsonNode.Parse(await http.GetStringAsync("_local/denials"))!;
        ((long?)denials["count"]).Should().Be(2);
        denials["denials"]!.AsArray().Select(d => ((string?)d!["verb"], (string?)d["apiGroup"], (string?)d["resource"], (string?)d["user"], (string?)d["namespace"]))
            .Should().Equal(("create", "", "configmaps", "system:serviceaccount:team:reader", Ns), ("list", "apps", "deployments", "system:serviceaccount:team:reader", Ns));
        (await http.DeleteAsync("_local/denials")).StatusCode.Should().Be(HttpStatusCode.OK);
        Server.Denials.Count.Should().Be(0);
    }

    [Test]
    public async Task ClusterScopedRequest_IsForbiddenAtTheClusterScope_AndANamedObjectIsNamed()
    {
        var nobody = As("team", "nobody");

        var all = await ForbiddenAsync(() => nobody.CoreV1.ListSecretForAllNamespacesAsync());
        var named = await ForbiddenAsync(() => nobody.CoreV1.ReadNamespacedSecretAsync("token", Ns));

        ((string?)all["message"]).Should().Be(
            "secrets is forbidden: User \"system:serviceaccount:team:nobody\" cannot list resource \"secrets\" in API group \"\" at the cluster scope");
        ((string?)named["message"]).Should().Be(
            $"secrets \"token\" is forbidden: User \"system:serviceaccount:team:nobody\" cannot get resource \"secrets\" in API group \"\" in the namespace \"{Ns}\"");
        ((string?)named["details"]!["name"]).Should().Be("token");
    }

    [Test]
    public async Task RoleBinding_ToAClusterRole_GrantsItsRulesOnlyInTheBindingsNamespace()
    {
        var other = "o-" + Ns;
        await Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new() { Name = other } });
        await Admin.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole { Metadata = new() { Name = "cm-editor-" + Ns }, Rules = [Rule("", "configmaps", "create", "list")] });
        await Admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new() { Name = "editor" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "cm-editor-" + Ns },
            // No namespace on the subject: the binding's namespace, as kube reads it.
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "editor" }],
        }, Ns);
        var editor = As(Ns, "editor");

        await editor.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new() { Name = "mine" } }, Ns);
        (await editor.CoreV1.ListNamespacedConfigMapAsync(Ns)).Items.Should().ContainSingle();
        await ForbiddenAsync(() => editor.CoreV1.ListNamespacedConfigMapAsync(other));
        await ForbiddenAsync(() => editor.CoreV1.ListConfigMapForAllNamespacesAsync());
    }

    [Test]
    public async Task RoleBinding_ToARoleOfItsNamespace_Grants_AndToAMissingRoleSaysSo()
    {
        await Admin.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role { Metadata = new() { Name = "leases" }, Rules = [Rule("coordination.k8s.io", "leases", "get", "create", "update")] }, Ns);
        foreach (var (name, role) in new[] { ("leases", "leases"), ("broken", "no-such-role") })
        {
            await Admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
            {
                Metadata = new() { Name = name },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = role },
                Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "elector", NamespaceProperty = Ns }],
            }, Ns);
        }

        var elector = As(Ns, "elector");
        var lease = new V1Lease { Metadata = new() { Name = "leader" }, Spec = new V1LeaseSpec { HolderIdentity = "a" } };

        await elector.CoordinationV1.CreateNamespacedLeaseAsync(lease, Ns);
        (await elector.CoordinationV1.ReadNamespacedLeaseAsync("leader", Ns)).Spec.HolderIdentity.Should().Be("a");
        var delete = await ForbiddenAsync(() => elector.CoordinationV1.DeleteNamespacedLeaseAsync("leader", Ns));
        ((string?)delete["message"]).Should().EndWith(
            $"cannot delete resource \"leases\" in API group \"coordination.k8s.io\" in the namespace \"{Ns}\": RBAC: role.rbac.authorization.k8s.io \"no-such-role\" not found");
    }

    [Test]
    public async Task ResourceNames_AllowOnlyTheNamedObjects_IncludingAListOrWatchByFieldSelectorOnTheName()
    {
        await GrantClusterWideAsync("one-secret-" + Ns, "team", "picky", new V1PolicyRule
        {
            ApiGroups = [""],
            Resources = ["secrets"],
            ResourceNames = ["allowed"],
            Verbs = ["get", "list", "update"],
        });
        foreach (var name in new[] { "allowed", "other" })
        {
            await Admin.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new() { Name = name }, StringData = new Dictionary<string, string> { ["k"] = "v" } }, Ns);
        }

        var picky = As("team", "picky");

        (await picky.CoreV1.ReadNamespacedSecretAsync("allowed", Ns)).Metadata.Name.Should().Be("allowed");
        (await picky.CoreV1.ListNamespacedSecretAsync(Ns, fieldSelector: "metadata.name=allowed")).Items.Should().ContainSingle();
        await ForbiddenAsync(() => picky.CoreV1.ReadNamespacedSecretAsync("other", Ns));
        await ForbiddenAsync(() => picky.CoreV1.ListNamespacedSecretAsync(Ns));
        await ForbiddenAsync(() => picky.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new() { Name = "allowed2" } }, Ns));
    }

    [Test]
    public async Task Subresource_IsItsOwnResource_AndStarSlashSubresourceMatchesItOnAnyResource()
    {
        await GrantClusterWideAsync("status-writer-" + Ns, "team", "status", Rule("apps", "deployments/status", "patch"), Rule("apps", "*/scale", "get"), Rule("apps", "deployments", "get"));
        await Admin.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), Ns);
        var writer = As("team", "status");
        var patch = new V1Patch("""{"status":{"observedGeneration":1}}""", V1Patch.PatchType.MergePatch);

        await writer.AppsV1.PatchNamespacedDeploymentStatusAsync(patch, "web", Ns);
        (await writer.AppsV1.ReadNamespacedDeploymentScaleAsync("web", Ns)).Spec.Replicas.Should().Be(1);
        var main = await ForbiddenAsync(() => writer.AppsV1.PatchNamespacedDeploymentAsync(patch, "web", Ns));
        ((string?)main["message"]).Should().Contain("cannot patch resource \"deployments\" in API group \"apps\"");
        var scale = await ForbiddenAsync(() => writer.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":2}}""", V1Patch.PatchType.MergePatch), "web", Ns));
        ((string?)scale["message"]).Should().Be(
            $"deployments.apps \"web\" is forbidden: User \"system:serviceaccount:team:status\" cannot patch resource \"deployments/scale\" in API group \"apps\" in the namespace \"{Ns}\"");
        ((string?)scale["details"]!["kind"]).Should().Be("deployments");
    }

    [Test]
    public async Task Wildcards_InVerbsGroupsAndResources_AllowEverything()
    {
        await GrantClusterWideAsync("all-" + Ns, "team", "root", new V1PolicyRule { ApiGroups = ["*"], Resources = ["*"], Verbs = ["*"] });
        await GrantClusterWideAsync("apps-all-" + Ns, "team", "apps", new V1PolicyRule { ApiGroups = ["apps"], Resources = ["*"], Verbs = ["*"] });
        var root = As("team", "root");
        var apps = As("team", "apps");

        await root.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new() { Name = "c" } }, Ns);
        await root.CoreV1.DeleteCollectionNamespacedConfigMapAsync(Ns);
        await apps.AppsV1.CreateNamespacedDeploymentAsync(Deployment("d"), Ns);
        await apps.AppsV1.DeleteNamespacedDeploymentAsync("d", Ns);
        var collection = await ForbiddenAsync(() => apps.CoreV1.DeleteCollectionNamespacedConfigMapAsync(Ns));
        ((string?)collection["message"]).Should().Contain("cannot deletecollection resource \"configmaps\"");
    }

    [Test]
    public async Task Watch_IsItsOwnVerb()
    {
        await GrantClusterWideAsync("lister-" + Ns, "team", "lister", Rule("", "configmaps", "list"));
        var lister = As("team", "lister");

        (await lister.CoreV1.ListNamespacedConfigMapAsync(Ns)).Items.Should().BeEmpty();
        var watch = await ForbiddenAsync(() => lister.CoreV1.ListNamespacedConfigMapWithHttpMessagesAsync(Ns, watch: true));
        ((string?)watch["message"]).Should().Contain("cannot watch resource \"configmaps\"");
    }

    [Test]
    public async Task AdminToken_BypassesAuthorization_UnknownTokensGet401_AndDiscoveryIsOpenToAuthenticatedUsers()
    {
        var nobody = As("team", "nobody");
        (await Admin.CoreV1.ListSecretForAllNamespacesAsync()).Should().NotBeNull();
        (await nobody.Version.GetCodeAsync()).GitVersion.Should().StartWith("v1.");
        (await nobody.Apis.GetAPIVersionsAsync()).Groups.Should().NotBeEmpty();

        var unknown = () => ClientWith("not-a-token").CoreV1.ListNamespaceAsync();
        (await unknown.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        (await http.GetStringAsync("readyz")).Should().Be("ok");
        Server.Denials.Count.Should().Be(0);
    }

    [Test]
    public async Task NonResourcePaths_BeyondDiscovery_NeedANonResourceUrlRule_AndUnknownResourcesAreForbiddenBeforeTheyAreNotFound()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor("team", "plain"));

        var root = await http.GetAsync(new Uri("/", UriKind.Relative));
        root.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        ((string?)JsonNode.Parse(await root.Content.ReadAsStringAsync())!["message"]).Should().Be(
            "forbidden: User \"system:serviceaccount:team:plain\" cannot get path \"/\"");
        (await http.GetAsync(new Uri($"api/v1/namespaces/{Ns}/widgets", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        await GrantClusterWideAsync("root-" + Ns, "team", "plain", new V1PolicyRule { NonResourceURLs = ["/"], Verbs = ["get"] });
        (await http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        using var admin = new HttpClient { BaseAddress = Server.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        (await admin.GetAsync(new Uri($"api/v1/namespaces/{Ns}/widgets", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static V1Deployment Deployment(string name) => new()
    {
        Metadata = new() { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new() { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "busybox" }] },
            },
        },
    };
}
