using Operators.Api;

namespace Operators.Reliability.Tests.BadInput;

/// <summary>Where the kinds of the corpus live in the API.</summary>
/// <param name="ApiVersion">The apiVersion, e.g. <c>v1</c>.</param>
/// <param name="Plural">The resource, e.g. <c>buildingblocks</c>.</param>
internal sealed record CorpusResources(string ApiVersion, string Plural)
{
    /// <summary>Gets a value indicating whether the kind is one of the three custom resources.</summary>
    public bool IsCustom => ApiVersion == ApiGroup.ApiVersion;

    /// <summary>The resource of <paramref name="kind"/>.</summary>
    /// <param name="kind">BuildingBlock, NovaAgent, MaintenanceNotifier, Secret or ConfigMap.</param>
    /// <returns>Its apiVersion and plural.</returns>
    public static CorpusResources Of(string kind) => kind switch
    {
        "BuildingBlock" => new(ApiGroup.ApiVersion, "buildingblocks"),
        "NovaAgent" => new(ApiGroup.ApiVersion, "novaagents"),
        "MaintenanceNotifier" => new(ApiGroup.ApiVersion, "maintenancenotifiers"),
        "Secret" => new("v1", "secrets"),
        "ConfigMap" => new("v1", "configmaps"),
        _ => throw new InvalidDataException($"the corpus has no resource for kind {kind}"),
    };

    /// <summary>The collection path in <paramref name="namespaceName"/>.</summary>
    /// <param name="namespaceName">The namespace.</param>
    /// <returns>E.g. <c>/apis/openstack.operators.dev/v1alpha1/namespaces/openstack/buildingblocks</c>.</returns>
    public string Collection(string namespaceName) =>
        (IsCustom ? "/apis/" + ApiVersion : "/api/" + ApiVersion) + "/namespaces/" + namespaceName + "/" + Plural;
}
