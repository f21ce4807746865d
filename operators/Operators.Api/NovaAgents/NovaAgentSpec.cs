using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Operators.Api.NovaAgents;

/// <summary>The desired state of one nova-compute agent.</summary>
public sealed class NovaAgentSpec
{
    /// <summary>The default of <see cref="GracefulShutdownSeconds"/>.</summary>
    public const int DefaultGracefulShutdownSeconds = 300;

    /// <summary>The longest <see cref="CustomServiceConfig"/> (64 KiB).</summary>
    public const int CustomServiceConfigMaxLength = 65536;

    /// <summary>The nova host name (<c>[DEFAULT] host</c>). Immutable: a change is reported as InvalidSpec.</summary>
    [JsonPropertyName("host")]
    [Required]
    [StringLength(ValidationPatterns.Dns1123LabelMaxLength)]
    [RegularExpression(ValidationPatterns.Dns1123Label)]
    public string Host { get; set; } = "";

    /// <summary>The building block the agent belongs to (informational).</summary>
    [JsonPropertyName("buildingBlock")]
    [StringLength(253)]
    public string? BuildingBlock { get; set; }

    /// <summary>The nova availability zone of the host.</summary>
    [JsonPropertyName("availabilityZone")]
    [Required]
    [StringLength(ValidationPatterns.Dns1123LabelMaxLength)]
    [RegularExpression(ValidationPatterns.Dns1123Label)]
    public string AvailabilityZone { get; set; } = "";

    /// <summary>The nova-compute container image.</summary>
    [JsonPropertyName("image")]
    [Required]
    [StringLength(1024, MinimumLength = 1)]
    [RegularExpression(ValidationPatterns.ImageReference)]
    public string Image { get; set; } = "";

    /// <summary>nova's <c>compute_driver</c>.</summary>
    [JsonPropertyName("computeDriver")]
    [AllowedValues(ComputeDrivers.Libvirt, ComputeDrivers.VMware, ComputeDrivers.Ironic, ComputeDrivers.Fake)]
    [DefaultValue(ComputeDrivers.Libvirt)]
    public string? ComputeDriver { get; set; }

    /// <summary>The Kubernetes node to pin the agent to (<c>kubernetes.io/hostname</c>); absent: not pinned.</summary>
    [JsonPropertyName("nodeName")]
    [StringLength(253)]
    public string? NodeName { get; set; }

    /// <summary>Seconds nova-compute gets to stop gracefully (<c>graceful_shutdown_timeout</c>).</summary>
    [JsonPropertyName("gracefulShutdownSeconds")]
    [Range(0, 3600)]
    [DefaultValue(DefaultGracefulShutdownSeconds)]
    public int? GracefulShutdownSeconds { get; set; }

    /// <summary>Raw oslo.config ini, rendered as <c>02-custom.conf</c> after the generated configuration.</summary>
    [JsonPropertyName("customServiceConfig")]
    [StringLength(CustomServiceConfigMaxLength)]
    public string? CustomServiceConfig { get; set; }

    /// <summary>Compute resources of the nova-compute container.</summary>
    [JsonPropertyName("resources")]
    public V1ResourceRequirements? Resources { get; set; }

    /// <summary>Node labels the agent's pod must match.</summary>
    [JsonPropertyName("nodeSelector")]
    public IDictionary<string, string>? NodeSelector { get; set; }

    /// <summary>Present = take the agent out of service (0 replicas).</summary>
    [JsonPropertyName("maintenance")]
    public MaintenanceRequest? Maintenance { get; set; }
}
