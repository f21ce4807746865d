using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// The defaults kube-apiserver fills into a pod template (<c>SetDefaults_PodSpec</c>,
/// <c>SetDefaults_Container</c>, probes, ports, volumes), plus the empty objects Go always writes
/// (<c>resources: {}</c>, <c>securityContext: {}</c>).
/// </summary>
internal static class PodTemplateDefaults
{
    private const int DefaultFileMode = 420; // 0644

    /// <summary>Applies the defaults to a <c>PodTemplateSpec</c> (the object holding <c>metadata</c> and <c>spec</c>).</summary>
    public static void Apply(JsonObject template)
    {
        var spec = template.GetOrAddObject("spec");
        spec.DefaultString("restartPolicy", "Always");
        spec.DefaultValue("terminationGracePeriodSeconds", 30);
        spec.DefaultString("dnsPolicy", "ClusterFirst");
        spec.DefaultValue("securityContext", new JsonObject());
        spec.DefaultString("schedulerName", "default-scheduler");

        foreach (var key in new[] { "initContainers", "containers", "ephemeralContainers" })
        {
            foreach (var (_, container) in spec.Objects(key))
            {
                ApplyContainer(container);
            }
        }

        foreach (var (_, volume) in spec.Objects("volumes"))
        {
            ApplyVolume(volume);
        }
    }

    /// <summary>The pull policy kube-apiserver picks: Always for a <c>:latest</c> or untagged image, else IfNotPresent.</summary>
    public static string DefaultPullPolicy(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var hasDigest = at >= 0;
        var name = hasDigest ? image[..at] : image;
        var lastSlash = name.LastIndexOf('/');
        var colon = name.IndexOf(':', lastSlash + 1);
        var tag = colon >= 0 ? name[(colon + 1)..] : hasDigest || image.Length == 0 ? "" : "latest";
        return tag == "latest" ? "Always" : "IfNotPresent";
    }

    private static void ApplyContainer(JsonObject container)
    {
        container.DefaultValue("resources", new JsonObject());
        container.DefaultString("terminationMessagePath", "/dev/termination-log");
        container.DefaultString("terminationMessagePolicy", "File");
        container.DefaultString("imagePullPolicy", DefaultPullPolicy(container.GetStringOrEmpty("image")));

        foreach (var (_, port) in container.Objects("ports"))
        {
            port.DefaultString("protocol", "TCP");
        }

        foreach (var (_, env) in container.Objects("env"))
        {
            env.GetObject("valueFrom").GetObject("fieldRef")?.DefaultString("apiVersion", "v1");
        }

        foreach (var key in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            if (container.GetObject(key) is { } probe)
            {
                ApplyProbe(probe);
            }
        }

        foreach (var key in new[] { "postStart", "preStop" })
        {
            ApplyHttpGet(container.GetObject("lifecycle").GetObject(key).GetObject("httpGet"));
        }
    }

    private static void ApplyProbe(JsonObject probe)
    {
        probe.DefaultNonZero("timeoutSeconds", 1);
        probe.DefaultNonZero("periodSeconds", 10);
        probe.DefaultNonZero("successThreshold", 1);
        probe.DefaultNonZero("failureThreshold", 3);
        ApplyHttpGet(probe.GetObject("httpGet"));
        probe.GetObject("grpc")?.DefaultValue("service", "");
    }

    private static void ApplyHttpGet(JsonObject? httpGet)
    {
        httpGet?.DefaultString("path", "/");
        httpGet?.DefaultString("scheme", "HTTP");
    }

    private static void ApplyVolume(JsonObject volume)
    {
        if (!volume.Any(property => property.Key != "name" && property.Value is not null))
        {
            volume["emptyDir"] = new JsonObject();
        }

        foreach (var key in new[] { "configMap", "secret", "downwardAPI", "projected" })
        {
            volume.GetObject(key)?.DefaultValue("defaultMode", DefaultFileMode);
        }

        volume.GetObject("hostPath")?.DefaultValue("type", "");
        foreach (var (_, item) in volume.GetObject("downwardAPI").Objects("items"))
        {
            item.GetObject("fieldRef")?.DefaultString("apiVersion", "v1");
        }

        foreach (var (_, source) in volume.GetObject("projected").Objects("sources"))
        {
            source.GetObject("serviceAccountToken")?.DefaultValue("expirationSeconds", 3600);
            foreach (var (_, item) in source.GetObject("downwardAPI").Objects("items"))
            {
                item.GetObject("fieldRef")?.DefaultString("apiVersion", "v1");
            }
        }
    }
}
