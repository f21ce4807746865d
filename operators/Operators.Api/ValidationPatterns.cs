namespace Operators.Api;

/// <summary>Patterns and limits shared by the schemas.</summary>
public static class ValidationPatterns
{
    /// <summary>A DNS-1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric.</summary>
    public const string Dns1123Label = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>
    /// A container image reference: no whitespace at all. Kubernetes refuses an image with leading or trailing
    /// blanks in a Deployment, so the schema refuses it first (and a line break inside one names no image).
    /// </summary>
    public const string ImageReference = @"^\S+$";

    /// <summary>The longest DNS-1123 label.</summary>
    public const int Dns1123LabelMaxLength = 63;
}
