using System.Globalization;
using System.Text.RegularExpressions;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// The string formats of apimachinery's <c>util/validation</c>: DNS names, qualified names (label
/// keys), label values, ConfigMap keys, port names. Each check returns the messages
/// kube-apiserver prints, none when the value is valid.
/// </summary>
internal static partial class ContentRules
{
    /// <summary>Longest DNS-1123 label.</summary>
    public const int Dns1123LabelMaxLength = 63;

    /// <summary>Longest DNS-1123 subdomain.</summary>
    public const int Dns1123SubdomainMaxLength = 253;

    private const string LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string SubdomainFormat = LabelFormat + "(\\." + LabelFormat + ")*";
    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelValueFormat = "(" + QualifiedNameFormat + ")?";
    private const string ConfigMapKeyFormat = "[-._a-zA-Z0-9]+";
    private const string QualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    /// <summary>A lowercase RFC 1123 label such as <c>my-name</c>.</summary>
    public static IReadOnlyList<string> Dns1123Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > Dns1123LabelMaxLength)
        {
            errors.Add(MaxLength(Dns1123LabelMaxLength));
        }

        if (!LabelRegex().IsMatch(value))
        {
            errors.Add(SubdomainRegex().IsMatch(value)
                ? "must not contain dots"
                : RegexError(
                    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
                    LabelFormat, "my-name", "123-abc"));
        }

        return errors;
    }

    /// <summary>A lowercase RFC 1123 subdomain such as <c>example.com</c>.</summary>
    public static IReadOnlyList<string> Dns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (value.Length > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLength(Dns1123SubdomainMaxLength));
        }

        if (!SubdomainRegex().IsMatch(value))
        {
            errors.Add(RegexError(
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
                SubdomainFormat, "example.com"));
        }

        return errors;
    }

    /// <summary>A qualified name (label key, annotation key, finalizer): optional DNS prefix, '/', name.</summary>
    public static IReadOnlyList<string> QualifiedName(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                name = parts[1];
                if (parts[0].Length == 0)
                {
                    errors.Add("prefix part must be non-empty");
                }
                else
                {
                    errors.AddRange(Dns1123Subdomain(parts[0]).Select(message => "prefix part " + message));
                }

                break;
            default:
                return
                [
                    "a valid label key " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc") +
                    " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
                ];
        }

        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (name.Length > Dns1123LabelMaxLength)
        {
            errors.Add("name part " + MaxLength(Dns1123LabelMaxLength));
        }

        if (!QualifiedNameRegex().IsMatch(name))
        {
            errors.Add("name part " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        }

        return errors;
    }

    /// <summary>A label value: empty, or up to 63 alphanumerics, '-', '_', '.'.</summary>
    public static IReadOnlyList<string> LabelValue(string value)
    {
        var errors = new List<string>();
        if (value.Length > Dns1123LabelMaxLength)
        {
            errors.Add(MaxLength(Dns1123LabelMaxLength));
        }

        if (!LabelValueRegex().IsMatch(value))
        {
            errors.Add(RegexError(
                "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                LabelValueFormat, "MyValue", "my_value", "12345"));
        }

        return errors;
    }

    /// <summary>A key of a ConfigMap's or Secret's data.</summary>
    public static IReadOnlyList<string> ConfigMapKey(string value)
    {
        var errors = new List<string>();
        if (value.Length > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLength(Dns1123SubdomainMaxLength));
        }

        if (!ConfigMapKeyRegex().IsMatch(value))
        {
            errors.Add(RegexError(
                "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                ConfigMapKeyFormat, "key.name", "KEY_NAME", "key-name"));
        }

        if (value == ".")
        {
            errors.Add("must not be '.'");
        }
        else if (value == "..")
        {
            errors.Add("must not be '..'");
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            errors.Add("must not start with '..'");
        }

        return errors;
    }

    /// <summary>A named port (IANA service name): up to 15 of [-a-z0-9], at least one letter.</summary>
    public static IReadOnlyList<string> PortName(string value)
    {
        var errors = new List<string>();
        if (value.Length > 15)
        {
            errors.Add(MaxLength(15));
        }

        if (!PortNameRegex().IsMatch(value))
        {
            errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }

        if (!value.Any(char.IsAsciiLetterLower))
        {
            errors.Add("must contain at least one letter (a-z)");
        }

        if (value.Contains("--", StringComparison.Ordinal))
        {
            errors.Add("must not contain consecutive hyphens");
        }

        if (value.Length > 0 && (value[0] == '-' || value[^1] == '-'))
        {
            errors.Add("must not begin or end with a hyphen");
        }

        return errors;
    }

    /// <summary>A port number between 1 and 65535.</summary>
    public static IReadOnlyList<string> PortNumber(long port) =>
        port is >= 1 and <= 65535 ? [] : [InclusiveRange(1, 65535)];

    /// <summary>The message for a number outside an inclusive range.</summary>
    public static string InclusiveRange(long low, long high) =>
        string.Create(CultureInfo.InvariantCulture, $"must be between {low} and {high}, inclusive");

    private static string MaxLength(int length) =>
        string.Create(CultureInfo.InvariantCulture, $"must be no more than {length} characters");

    private static string RegexError(string message, string format, params string[] examples) =>
        message + " (e.g. " + string.Join(" or ", examples.Select(example => "'" + example + "'")) +
        ", regex used for validation is '" + format + "')";

    [GeneratedRegex("^" + LabelFormat + "\\z")]
    private static partial Regex LabelRegex();

    [GeneratedRegex("^" + SubdomainFormat + "\\z")]
    private static partial Regex SubdomainRegex();

    [GeneratedRegex("^" + QualifiedNameFormat + "\\z")]
    private static partial Regex QualifiedNameRegex();

    [GeneratedRegex("^" + LabelValueFormat + "\\z")]
    private static partial Regex LabelValueRegex();

    [GeneratedRegex("^" + ConfigMapKeyFormat + "\\z")]
    private static partial Regex ConfigMapKeyRegex();

    [GeneratedRegex("^[-a-z0-9]+\\z")]
    private static partial Regex PortNameRegex();
}
