using System.Text.RegularExpressions;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// apimachinery's <c>IsDNS1035Label</c> and <c>IsDNS1123Subdomain</c>: the messages they return for a
/// name that does not qualify (empty when it does).
/// </summary>
internal static partial class DnsNames
{
    private const string Dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + "(\\." + Dns1123LabelFormat + ")*";

    /// <summary>The problems of <paramref name="value"/> as a DNS-1035 label (at most 63 characters).</summary>
    public static List<string> Dns1035LabelErrors(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        if (!Dns1035Label().IsMatch(value))
        {
            errors.Add("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an " +
                "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', " +
                $"regex used for validation is '{Dns1035LabelFormat}')");
        }

        return errors;
    }

    /// <summary>The problems of <paramref name="value"/> as a DNS-1123 subdomain (at most 253 characters).</summary>
    public static List<string> Dns1123SubdomainErrors(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253)
        {
            errors.Add("must be no more than 253 characters");
        }

        if (!Dns1123Subdomain().IsMatch(value))
        {
            errors.Add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', " +
                "and must start and end with an alphanumeric character (e.g. 'example.com', " +
                $"regex used for validation is '{Dns1123SubdomainFormat}')");
        }

        return errors;
    }

    [GeneratedRegex("^" + Dns1035LabelFormat + "\\z")]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^" + Dns1123SubdomainFormat + "\\z")]
    private static partial Regex Dns1123Subdomain();
}
