using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Operators.Api.MaintenanceNotifiers;

/// <summary>A key of a Secret in the notifier's namespace.</summary>
public sealed class SecretKeyReference
{
    /// <summary>The Secret's name.</summary>
    [JsonPropertyName("name")]
    [Required]
    [StringLength(253, MinimumLength = 1)]
    public string Name { get; set; } = "";

    /// <summary>The key within the Secret's data.</summary>
    [JsonPropertyName("key")]
    [Required]
    [StringLength(253, MinimumLength = 1)]
    public string Key { get; set; } = "";
}
