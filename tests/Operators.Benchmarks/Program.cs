using Operators.Benchmarks;
using Operators.Benchmarks.ApiServer;
using Operators.Benchmarks.Footprint;
using Operators.Benchmarks.Informer;
using Operators.Benchmarks.Queue;
using Operators.Benchmarks.Reporting;
using Operators.Benchmarks.Scale;

// Issue 9's measuring programs; bench/run (make bench) runs each command and collects the sections.
if (args is [InformerProbe.Command, .. var probeArgs])
{
    return await InformerProbe.RunAsync(probeArgs, CancellationToken.None);
}

BenchArguments? arguments;
try
{
    arguments = BenchArguments.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

if (arguments is null)
{
    return args.Length == 0 ? 2 : 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var context = RunContext.Capture(arguments.Mode, arguments.Note);
ReportSection section;
switch (arguments.Command)
{
    case "queue":
        var artifacts = arguments.ResultsPath is { } results ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(results))!, "BenchmarkDotNet.Artifacts") : null;
        section = QueueBenchmarkRunner.Run(context, arguments.Passthrough, artifacts);
        break;
    case "informer":
        var informer = InformerSettings.For(arguments.Mode);
        informer = informer with
        {
            Sizes = arguments.Objects ?? informer.Sizes,
            LatencyDuration = arguments.Seconds is { } seconds ? TimeSpan.FromSeconds(seconds) : informer.LatencyDuration,
            EventsPerSecond = arguments.Rate ?? informer.EventsPerSecond,
        };
        section = await InformerBenchmark.RunAsync(informer, cancel.Token);
        break;
    case WatchPathBenchmark.Command:
        section = await WatchPathBenchmark.RunAsync(arguments.Objects?[0] ?? 20_000, cancel.Token);
        break;
    case "apiserver":
        var server = ApiServerSettings.For(arguments.Mode);
        server = server with { Objects = arguments.Objects?[0] ?? server.Objects };
        section = await ApiServerBenchmark.RunAsync(server, cancel.Token);
        break;
    case "scale":
        var scale = ScaleSettings.For(arguments.Mode);
        scale = scale with
        {
            Blocks = arguments.Blocks ?? scale.Blocks,
            SteadyState = arguments.Seconds is { } steady ? TimeSpan.FromSeconds(steady) : scale.SteadyState,
            Operators = arguments.Operators ?? scale.Operators,
        };
        section = await ScaleBenchmark.RunAsync(scale, cancel.Token);
        break;
    case "footprint":
        var footprint = FootprintSettings.For(arguments.Mode);
        section = await FootprintBenchmark.RunAsync(footprint with { Blocks = arguments.Blocks?[0] ?? footprint.Blocks }, cancel.Token);
        break;
    default:
        await Console.Error.WriteLineAsync($"Unknown command '{arguments.Command}'.\n\n{BenchArguments.Usage}");
        return 2;
}

var markdown = section.ToMarkdown(context);
Console.WriteLine();
Console.WriteLine(markdown);
if (arguments.ResultsPath is { } path)
{
    ResultsFile.Upsert(path, section.Id, markdown);
    Console.WriteLine($"Section '{section.Id}' written to {path}.");
}

return 0;
