using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Operators.WebhookReceiver;

/// <summary>
/// An HTTP endpoint on 127.0.0.1 that accepts maintenance notifications on any path: it checks the
/// Standard Webhooks signature (401 when it does not match), remembers every request, and treats a
/// second request with an id it already accepted as a duplicate (answered 200, as a deduplicating
/// receiver does). Start with <see cref="StartAsync"/>; dispose to stop.
/// </summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly NotificationReceiverOptions _options;
    private readonly byte[]? _key;
    private readonly Lock _gate = new();
    private readonly List<ReceivedNotification> _received = [];
    private readonly HashSet<string> _acceptedIds = new(StringComparer.Ordinal);
    private WebApplication? _app;

    private NotificationReceiver(NotificationReceiverOptions options)
    {
        _options = options;
        _key = options.SigningSecret is { Length: > 0 } secret ? StandardWebhookSignature.ParseKey(secret) : null;
    }

    /// <summary>Gets the address requests go to, e.g. <c>http://127.0.0.1:8090/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Gets a copy of every request received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedNotification> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Starts listening.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running receiver.</returns>
    /// <exception cref="PortInUseException">The port is taken.</exception>
    /// <exception cref="FormatException">The signing secret is not <c>whsec_&lt;base64&gt;</c>.</exception>
    public static async Task<NotificationReceiver> StartAsync(NotificationReceiverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var receiver = new NotificationReceiver(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = NotificationReceiverOptions.MaxBodyBytes;
        });
        var app = builder.Build();
        app.Run(receiver.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
            || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync();
            throw new PortInUseException(options.Port, e);
        }

        receiver._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority) + "/");
        return receiver;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var id = Header(request, "webhook-id") is { Length: > 0 } webhookId ? webhookId : Header(request, "Idempotency-Key") ?? "";
        var signatureHeader = Header(request, "webhook-signature");
        var now = _options.TimeProvider.GetUtcNow();
        var signature = _key is null
            ? (string.IsNullOrEmpty(signatureHeader) ? SignatureCheck.Unsigned : SignatureCheck.NotChecked)
            : StandardWebhookSignature.Verify(_key, Header(request, "webhook-id"), Header(request, "webhook-timestamp"), signatureHeader, body, now);
        var status = signature is SignatureCheck.Invalid or SignatureCheck.Expired ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK;
        var parsed = NotificationBody.Parse(body);

        ReceivedNotification notification;
        lock (_gate)
        {
            var duplicate = status == StatusCodes.Status200OK && id.Length > 0 && !_acceptedIds.Add(id);
            notification = new ReceivedNotification(
                now, request.Path.Value ?? "/", id, parsed.Format, parsed.EventType, parsed.Event, parsed.BuildingBlock,
                parsed.Reason, parsed.Notifier, parsed.Text, signature, duplicate, status);
            _received.Add(notification);
        }

        _options.OnReceived?.Invoke(notification);
        context.Response.StatusCode = status;
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
