using System.Runtime.InteropServices;
using Operators.LocalRun;

// `make run`: the whole system on this machine, no cluster. Ctrl-C stops every process it started
// (a second Ctrl-C kills them at once).
//   dotnet tools/Operators.LocalRun/bin/Release/net10.0/Operators.LocalRun.dll [--port 6443] (see --help)
LocalRunOptions options;
RepositoryLayout layout;
try
{
    options = LocalRunOptions.Parse(args);
    if (options.ShowUsage)
    {
        Console.WriteLine(LocalRunOptions.Usage);
        return 0;
    }

    layout = RepositoryLayout.Discover(options.Configuration);
}
catch (LaunchException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

using var relay = new LineRelay(Console.Out, Path.Combine(layout.Root, options.RunDirectory, "logs"));
var runner = new LocalRunner(options, layout, relay, TimeProvider.System);
using var stop = new CancellationTokenSource();
var signals = 0;
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    if (Interlocked.Increment(ref signals) == 1)
    {
        stop.Cancel();
    }
    else
    {
        relay.Write(LocalRunner.Prefix, "killing every process now");
        runner.KillNow();
    }
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
try
{
    return await runner.RunAsync(stop.Token);
}
catch (LaunchException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
