namespace Operators.WebhookReceiver;

/// <summary>Settings of a <see cref="NotificationReceiver"/>.</summary>
internal sealed class NotificationReceiverOptions
{
    /// <summary>The port of the samples' webhook URLs (<c>http://127.0.0.1:8090/...</c>).</summary>
    public const int DefaultPort = 8090;

    /// <summary>The largest body accepted; larger requests are answered 413.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Gets or sets the TCP port on 127.0.0.1; 0 picks a free one.</summary>
    /// <value>The default value is <see cref="DefaultPort"/>.</value>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Gets or sets the <c>whsec_</c> key signatures are checked with; null accepts signed requests unchecked.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Gets or sets the clock (arrival times and the timestamp tolerance).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets a callback for every request, after it was recorded (e.g. to print it).</summary>
    public Action<ReceivedNotification>? OnReceived { get; set; }
}
