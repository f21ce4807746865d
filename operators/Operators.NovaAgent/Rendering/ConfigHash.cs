using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Operators.NovaAgent.Rendering;

/// <summary>
/// The configuration hash, <c>sha256:&lt;64 lower-case hex digits&gt;</c>, over the canonical form
/// of a ConfigMap's data: entries in ordinal key order, each key and each value written as a
/// netstring (<c>&lt;UTF-8 byte length&gt;:&lt;UTF-8 bytes&gt;,</c>). The framing is unambiguous, so
/// no two different data maps share a canonical form.
/// </summary>
internal static class ConfigHash
{
    /// <summary>The prefix of every hash.</summary>
    public const string Prefix = "sha256:";

    /// <summary>Hashes <paramref name="data"/>.</summary>
    /// <param name="data">The ConfigMap's data.</param>
    /// <returns><c>sha256:&lt;hex&gt;</c>.</returns>
    public static string Compute(IEnumerable<KeyValuePair<string, string>> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (key, value) in data.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            AppendNetstring(hash, key);
            AppendNetstring(hash, value);
        }

        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The hash shortened for messages: the prefix and the first 12 hex digits.</summary>
    /// <param name="hash">A full hash, or null.</param>
    /// <returns>The short form, or <c>none</c>.</returns>
    public static string Short(string? hash) =>
        hash is null ? "none" : hash.Length > Prefix.Length + 12 ? hash[..(Prefix.Length + 12)] : hash;

    private static void AppendNetstring(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":"));
        hash.AppendData(bytes);
        hash.AppendData(","u8);
    }
}
