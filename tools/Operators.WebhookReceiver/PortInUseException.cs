namespace Operators.WebhookReceiver;

/// <summary>The receiver's port is taken by another process.</summary>
internal sealed class PortInUseException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="PortInUseException"/> class.</summary>
    /// <param name="port">The port.</param>
    /// <param name="inner">The socket error.</param>
    public PortInUseException(int port, Exception inner)
        : base($"port {port} on 127.0.0.1 is already in use; stop what uses it or pass --port with a free one", inner)
    {
        Port = port;
    }

    /// <summary>Gets the port.</summary>
    public int Port { get; }
}
