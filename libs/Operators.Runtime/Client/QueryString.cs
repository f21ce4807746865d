using System.Globalization;
using System.Text;

namespace Operators.Runtime.Client;

/// <summary>Builds a URL query string, escaping values.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _text = new();

    /// <summary>Adds <c>name=value</c> when the value is not null or empty.</summary>
    public QueryString Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _text.Append(_text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    /// <summary>Adds <c>name=value</c> when the value is not null.</summary>
    public QueryString Add(string name, int? value) =>
        value is { } v ? Add(name, v.ToString(CultureInfo.InvariantCulture)) : this;

    /// <summary>Returns the query string, with its leading <c>?</c>, or empty.</summary>
    public override string ToString() => _text.ToString();
}
