namespace Operators.Api;

/// <summary>The nova compute drivers an agent can run (<c>compute_driver</c>).</summary>
public static class ComputeDrivers
{
    /// <summary>KVM through libvirt, one agent per hypervisor host: the default.</summary>
    public const string Libvirt = "libvirt.LibvirtDriver";

    /// <summary>A vSphere cluster seen as one nova host.</summary>
    public const string VMware = "vmwareapi.VMwareVCDriver";

    /// <summary>Bare metal through ironic.</summary>
    public const string Ironic = "ironic.IronicDriver";

    /// <summary>nova's fake driver, for tests.</summary>
    public const string Fake = "fake.FakeDriver";
}
