using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// The pod template checks that matter without a kubelet: template labels and annotations,
/// containers (name, image, policies, ports, env, volume mounts), volumes, restart and DNS policy.
/// </summary>
internal static class PodTemplateValidation
{
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] TerminationMessagePolicies = ["File", "FallbackToLogsOnError"];
    private static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] DnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    /// <summary>Validates the <c>PodTemplateSpec</c> at <paramref name="path"/> (e.g. <c>spec.template</c>).</summary>
    public static void Validate(JsonObject? template, string path, List<StatusCause> causes)
    {
        var meta = template.GetObject("metadata");
        ObjectMetaRules.ValidateLabels(meta.GetObject("labels"), path + ".metadata.labels", causes);
        ObjectMetaRules.ValidateAnnotations(meta.GetObject("annotations"), path + ".metadata.annotations", causes);

        var spec = template.GetObject("spec");
        var specPath = path + ".spec";
        var volumes = ValidateVolumes(spec, specPath, causes);
        if (spec.Objects("containers").Any() is false)
        {
            causes.Add(FieldCauses.Required(specPath + ".containers"));
        }

        var containerNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in new[] { "initContainers", "containers" })
        {
            foreach (var (index, container) in spec.Objects(key))
            {
                ValidateContainer(container, $"{specPath}.{key}[{index}]", volumes, containerNames, causes);
            }
        }

        RequireOneOf(spec, "restartPolicy", specPath, RestartPolicies, causes);
        RequireOneOf(spec, "dnsPolicy", specPath, DnsPolicies, causes);
    }

    private static HashSet<string> ValidateVolumes(JsonObject? spec, string specPath, List<StatusCause> causes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (index, volume) in spec.Objects("volumes"))
        {
            var namePath = $"{specPath}.volumes[{index}].name";
            var name = volume.GetStringOrEmpty("name");
            if (name.Length == 0)
            {
                causes.Add(FieldCauses.Required(namePath));
            }
            else
            {
                causes.AddRange(FieldCauses.InvalidEach(namePath, name, ContentRules.Dns1123Label(name)));
                if (!names.Add(name))
                {
                    causes.Add(FieldCauses.Duplicate(namePath, name));
                }
            }
        }

        return names;
    }

    private static void ValidateContainer(
        JsonObject container, string path, HashSet<string> volumes, HashSet<string> names, List<StatusCause> causes)
    {
        var name = container.GetStringOrEmpty("name");
        if (name.Length == 0)
        {
            causes.Add(FieldCauses.Required(path + ".name"));
        }
        else
        {
            causes.AddRange(FieldCauses.InvalidEach(path + ".name", name, ContentRules.Dns1123Label(name)));
            if (!names.Add(name))
            {
                causes.Add(FieldCauses.Duplicate(path + ".name", name));
            }
        }

        if (container.GetStringOrEmpty("image").Trim().Length == 0)
        {
            causes.Add(FieldCauses.Required(path + ".image"));
        }

        RequireOneOf(container, "imagePullPolicy", path, PullPolicies, causes);
        RequireOneOf(container, "terminationMessagePolicy", path, TerminationMessagePolicies, causes);

        foreach (var (index, port) in container.Objects("ports"))
        {
            var portPath = $"{path}.ports[{index}]";
            var number = port.GetInteger("containerPort") ?? 0;
            causes.AddRange(ContentRules.PortNumber(number).Select(message => FieldCauses.Invalid(portPath + ".containerPort", number, message)));
            if (port.GetString("name") is { Length: > 0 } portName)
            {
                causes.AddRange(FieldCauses.InvalidEach(portPath + ".name", portName, ContentRules.PortName(portName)));
            }

            RequireOneOf(port, "protocol", portPath, Protocols, causes);
        }

        foreach (var (index, env) in container.Objects("env"))
        {
            if (env.GetStringOrEmpty("name").Length == 0)
            {
                causes.Add(FieldCauses.Required($"{path}.env[{index}].name"));
            }
        }

        foreach (var (index, mount) in container.Objects("volumeMounts"))
        {
            var mountPath = $"{path}.volumeMounts[{index}]";
            var volume = mount.GetStringOrEmpty("name");
            if (volume.Length == 0)
            {
                causes.Add(FieldCauses.Required(mountPath + ".name"));
            }
            else if (!volumes.Contains(volume))
            {
                causes.Add(FieldCauses.NotFound(mountPath + ".name", volume));
            }

            if (mount.GetStringOrEmpty("mountPath").Length == 0)
            {
                causes.Add(FieldCauses.Required(mountPath + ".mountPath"));
            }
        }
    }

    private static void RequireOneOf(JsonObject? owner, string key, string path, string[] allowed, List<StatusCause> causes)
    {
        var value = owner.GetStringOrEmpty(key);
        if (value.Length == 0)
        {
            causes.Add(FieldCauses.Required(path + "." + key));
        }
        else if (!allowed.Contains(value))
        {
            causes.Add(FieldCauses.NotSupported(path + "." + key, value, allowed));
        }
    }
}
