using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Operators.LocalApiServer;
using Operators.LocalApiServer.Authorization;

// Runs the local API server in the foreground until Ctrl-C:
//   dotnet run --project libs/Operators.LocalApiServer -- --port 6443 --kubeconfig .run/kubeconfig
var options = new LocalApiServerOptions { Port = 6443 };
string? kubeconfig = null;
string? token = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--port": options.Port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--kubeconfig": kubeconfig = Next(); break;
        case "--token": token = Next(); options.Tokens[token] = TokenUser.Admin(); break;
        case "--token-file":
            foreach (var (fileToken, user) in TokenFile.Parse(File.ReadAllLines(Next())))
            {
                options.Tokens[fileToken] = user;
            }

            break;
        case "--rbac": options.EnforceRbac = true; break;
        case "--history-limit": options.HistoryLimit = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--bookmark-interval-seconds": options.BookmarkInterval = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--deployment-ready-delay-ms": options.DeploymentReadyDelay = TimeSpan.FromMilliseconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "-h" or "--help":
            Console.WriteLine("usage: Operators.LocalApiServer [--port N] [--kubeconfig PATH] [--token T] [--token-file PATH] [--rbac] [--history-limit N] [--bookmark-interval-seconds S] [--deployment-ready-delay-ms MS]");
            return 0;
        default:
            Console.Error.WriteLine($"unknown argument: {args[i]} (try --help)");
            return 2;
    }
}

LocalApiServer server;
try
{
    server = await LocalApiServer.StartAsync(options);
}
catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
{
    Console.Error.WriteLine($"error: port {options.Port} on 127.0.0.1 is already in use; stop what uses it or pass --port with a free one");
    return 1;
}

await using (server)
{
    Console.WriteLine($"Local Kubernetes API server listening on {server.BaseAddress}");
    if (kubeconfig is not null)
    {
        server.WriteKubeconfig(kubeconfig, token);
        Console.WriteLine($"Point kubectl at it:  export KUBECONFIG={Path.GetFullPath(kubeconfig)}");
        Console.WriteLine("Then try:             kubectl get namespaces; kubectl api-resources");
    }

    Console.WriteLine("Press Ctrl-C to stop.");
    var stop = new TaskCompletionSource();
    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.TrySetResult();
    }

    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    await stop.Task;
    Console.WriteLine("Stopping.");
}

return 0;
