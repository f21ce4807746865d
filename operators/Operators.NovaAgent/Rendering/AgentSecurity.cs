using k8s.Models;
using Operators.Api;

namespace Operators.NovaAgent.Rendering;

/// <summary>
/// The security contexts of the agent's pod. Drivers that only talk to remote APIs (VMware, ironic,
/// fake) run under the <c>restricted</c> Pod Security Standard: non-root, no privilege escalation,
/// every capability dropped, the runtime's default seccomp profile. The libvirt driver manages the
/// local hypervisor through libvirt and privsep, which needs root and privileges, so its container
/// keeps the image's own settings (the pod context stays empty).
/// </summary>
internal static class AgentSecurity
{
    /// <summary>Whether <paramref name="computeDriver"/> can run restricted.</summary>
    /// <param name="computeDriver">The effective compute driver.</param>
    /// <returns><see langword="true"/> for every driver except libvirt.</returns>
    public static bool IsRestricted(string computeDriver) => !string.Equals(computeDriver, ComputeDrivers.Libvirt, StringComparison.Ordinal);

    /// <summary>The pod's security context: the restricted one, or an empty one for libvirt.</summary>
    /// <param name="computeDriver">The effective compute driver.</param>
    /// <returns>A new context.</returns>
    public static V1PodSecurityContext Pod(string computeDriver) => IsRestricted(computeDriver)
        ? new V1PodSecurityContext { RunAsNonRoot = true, SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } }
        : new V1PodSecurityContext();

    /// <summary>The container's security context: the restricted one, or none for libvirt.</summary>
    /// <param name="computeDriver">The effective compute driver.</param>
    /// <returns>A new context, or null.</returns>
    public static V1SecurityContext? Container(string computeDriver) => IsRestricted(computeDriver)
        ? new V1SecurityContext
        {
            RunAsNonRoot = true,
            AllowPrivilegeEscalation = false,
            Capabilities = new V1Capabilities { Drop = ["ALL"] },
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        }
        : null;
}
