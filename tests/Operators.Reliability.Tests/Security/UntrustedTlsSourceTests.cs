using System.Text.RegularExpressions;
using FluentAssertions;
using Operators.Testing;

namespace Operators.Reliability.Tests.Security;

/// <summary>
/// The product code (<c>operators/</c> and <c>libs/</c>) never switches TLS verification off: no custom certificate
/// validation callback (the only way to accept what the platform refuses), no accept-anything validator, no
/// <c>SkipTlsVerify</c> or <c>insecure-skip-tls-verify</c>. Tests may build such things; the product may not.
/// </summary>
public sealed partial class UntrustedTlsSourceTests
{
    [Test]
    public void TheOperatorsAndLibraries_NeverDisableCertificateVerification()
    {
        var root = TestRepository.Layout.Root;
        var files = new[] { "operators", "libs" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var findings = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Forbidden().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        files.Should().Contain(f => f.EndsWith("WebhookSender.cs", StringComparison.Ordinal), "the scan covers the notifier's HTTP client");
        findings.Should().BeEmpty("certificates are verified by the platform's rules, never switched off");
    }

    [GeneratedRegex(
        @"DangerousAcceptAnyServerCertificateValidator|ServerCertificateCustomValidationCallback|RemoteCertificateValidationCallback|CertificateValidationCallback|SkipTlsVerify|insecure-skip-tls-verify|CheckCertificateRevocationList\s*=\s*false",
        RegexOptions.IgnoreCase)]
    private static partial Regex Forbidden();
}
