using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Operators.Reliability.Tests.Security;

/// <summary>
/// An HTTPS webhook on 127.0.0.1 whose certificate is self-signed, made fresh here and trusted by nobody. It
/// answers 200 to anything and counts the requests that reach it (none should: the handshake must fail first).
/// </summary>
internal sealed class UntrustedTlsListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private int _requests;

    private UntrustedTlsListener(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
    }

    /// <summary>Gets the HTTPS base address, e.g. <c>https://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("https://127.0.0.1/");

    /// <summary>Gets how many HTTP requests got through the handshake.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts a listener on a free port.</summary>
    /// <returns>The running listener.</returns>
    public static async Task<UntrustedTlsListener> StartAsync()
    {
        var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var listener = new UntrustedTlsListener(app, certificate);
        app.Run(context =>
        {
            Interlocked.Increment(ref listener._requests);
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener.BaseAddress = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority) + "/");
        return listener;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    /// <summary>A certificate for 127.0.0.1 that signs itself: valid in every way but trust.</summary>
    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
