using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Operators.LocalApiServer.Tests.Api;

/// <summary>ServiceAccounts, RBAC objects and PodDisruptionBudgets are stored as sent, so rendered charts apply.</summary>
public sealed class StoredKindsTests : ServerFixture
{
    [Test]
    public async Task ClusterRole_WithAColonInItsName_IsStoredWithItsRules()
    {
        var role = new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = "system:openstack:" + Ns },
            Rules = [new V1PolicyRule { ApiGroups = ["openstack.operators.dev"], Resources = ["novaagents"], Verbs = ["get", "list", "watch"] }],
        };

        await Client.RbacAuthorizationV1.CreateClusterRoleAsync(role);
        var read = await Client.RbacAuthorizationV1.ReadClusterRoleAsync(role.Metadata.Name);

        read.Rules.Should().ContainSingle().Which.Verbs.Should().Equal("get", "list", "watch");
        read.Metadata.Uid.Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task RoleBindingAndServiceAccount_AreNamespaced_AndValidateTheirNames()
    {
        await Client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "operator" } }, Ns);
        var binding = new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "operator-leases" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "leases" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "operator", NamespaceProperty = Ns }],
        };
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(binding, Ns);

        (await Client.RbacAuthorizationV1.ReadNamespacedRoleBindingAsync("operator-leases", Ns)).RoleRef.Name.Should().Be("leases");
        var badName = () => Client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "Not_A_Name" } }, Ns);
        (await badName.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task PodDisruptionBudget_TracksGeneration()
    {
        var budget = new V1PodDisruptionBudget
        {
            Metadata = new V1ObjectMeta { Name = "operator" },
            Spec = new V1PodDisruptionBudgetSpec { MinAvailable = 1, Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "x" } } },
        };

        var created = await Client.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(budget, Ns);

        created.Metadata.Generation.Should().Be(1);
    }
}
