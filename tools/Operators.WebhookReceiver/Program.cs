using System.Globalization;
using System.Runtime.InteropServices;
using Operators.WebhookReceiver;

// Prints every maintenance notification it receives on one line and checks its signature:
//   RECEIVER_SIGNING_SECRET=whsec_... dotnet Operators.WebhookReceiver.dll [--port 8090]
// (the key may also be given with --signing-secret, where other users of the machine can see it).
var options = new NotificationReceiverOptions
{
    SigningSecret = Environment.GetEnvironmentVariable("RECEIVER_SIGNING_SECRET") is { Length: > 0 } fromEnvironment ? fromEnvironment : null,
};
for (var i = 0; i < args.Length; i++)
{
    var flag = args[i];
    if (flag is "-h" or "--help")
    {
        Console.WriteLine("usage: [RECEIVER_SIGNING_SECRET=whsec_<base64>] Operators.WebhookReceiver [--port N] [--signing-secret whsec_<base64>]");
        return 0;
    }

    if (i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"error: {flag} needs a value (try --help)");
        return 2;
    }

    var value = args[++i];
    switch (flag)
    {
        case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535:
            options.Port = port;
            break;
        case "--signing-secret":
            options.SigningSecret = value;
            break;
        default:
            Console.Error.WriteLine($"error: unknown argument or bad value: {flag} {value} (try --help)");
            return 2;
    }
}

options.OnReceived = notification => Console.WriteLine(NotificationLine.Format(notification));
NotificationReceiver receiver;
try
{
    receiver = await NotificationReceiver.StartAsync(options);
}
catch (Exception e) when (e is PortInUseException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

await using (receiver)
{
    var checking = options.SigningSecret is null ? "signatures not checked" : "checking Standard Webhooks signatures";
    Console.WriteLine($"Webhook receiver listening on {receiver.BaseAddress} ({checking})");
    var stop = new TaskCompletionSource();
    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.TrySetResult();
    }

    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    await stop.Task;
}

return 0;
