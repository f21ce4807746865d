using System.Globalization;
using Operators.Benchmarks.Reporting;

namespace Operators.Benchmarks;

/// <summary>
/// The command line: <c>&lt;queue|informer|apiserver&gt; [--mode quick|full] [--results FILE] [--note TEXT]
/// [--objects N[,N…]] [--seconds S] [--rate R]</c>; other arguments (and everything after <c>--</c>) go
/// to BenchmarkDotNet.
/// </summary>
internal sealed record BenchArguments
{
    public const string Usage = """
        Usage: Operators.Benchmarks <command> [options] [-- BenchmarkDotNet arguments]

        Commands:
          queue       work queue microbenchmarks (BenchmarkDotNet; issue 9, part 1)
          informer    informer initial sync, memory and watch latency (part 2)
          informer-events  bytes allocated per watch event on the client → decode → cache → handler path (part 2)
          apiserver   local API server write rates, fan-out and memory (part 5)
          scale       end to end: the operators converge N BuildingBlocks × 10 hosts (part 3)
          footprint   each operator NativeAOT and JIT: size, start → ready, idle RSS (part 4; needs make aot)
          (informer-probe is internal: the informer side, started by `informer` as its own process)

        Options:
          --mode quick|full   sizes and BenchmarkDotNet job (default: $BENCH_MODE, else quick)
          --results FILE      insert or replace this command's Markdown section in FILE
          --note TEXT         a note printed in the section header (default: $BENCH_NOTE)
          --objects N[,N…]    informer: sizes to sync; informer-events: events; apiserver: objects to write
          --blocks N[,N…]     scale: sizes in BuildingBlocks of 10 hosts; footprint: the cached cluster's blocks
          --seconds S         informer: how long the latency run sends; scale: the steady state
          --rate R            informer: events per second of the latency run
          --operators aot|jit scale: run the operators as `make aot` published them natively (aot) or as
                              Release builds under `dotnet` (jit, the default)

        BenchmarkDotNet arguments (queue), e.g.: --filter '*Priority*' --job dry
        """;

    public string Command { get; init; } = "";

    public BenchMode Mode { get; init; } = BenchMode.Quick;

    public string? ResultsPath { get; init; }

    public string? Note { get; init; }

    public IReadOnlyList<int>? Objects { get; init; }

    public IReadOnlyList<int>? Blocks { get; init; }

    public double? Seconds { get; init; }

    public double? Rate { get; init; }

    public Footprint.Flavour? Operators { get; init; }

    public IReadOnlyList<string> Passthrough { get; init; } = [];

    /// <summary>Parses the arguments; null (after printing why) when they are wrong.</summary>
    public static BenchArguments? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return null;
        }

        var result = new BenchArguments { Command = args[0], Mode = ParseMode(Environment.GetEnvironmentVariable("BENCH_MODE")) ?? BenchMode.Quick };
        var passthrough = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            switch (arg)
            {
                case "--":
                    passthrough.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    break;
                case "--mode":
                    result = result with { Mode = ParseMode(Value()) ?? throw new ArgumentException("--mode is quick or full.") };
                    break;
                case "--results":
                    result = result with { ResultsPath = Value() };
                    break;
                case "--note":
                    result = result with { Note = Value() };
                    break;
                case "--objects":
                    result = result with { Objects = [.. Value().Split(',').Select(v => int.Parse(v, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))] };
                    break;
                case "--blocks":
                    result = result with { Blocks = [.. Value().Split(',').Select(v => int.Parse(v, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))] };
                    break;
                case "--seconds":
                    result = result with { Seconds = double.Parse(Value(), CultureInfo.InvariantCulture) };
                    break;
                case "--operators":
                    result = result with
                    {
                        Operators = Value() switch
                        {
                            "aot" => Footprint.Flavour.Aot,
                            "jit" => Footprint.Flavour.Jit,
                            var other => throw new ArgumentException($"--operators is aot or jit, not '{other}'."),
                        },
                    };
                    break;
                case "--rate":
                    result = result with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) };
                    break;
                default:
                    passthrough.Add(arg);
                    break;
            }
        }

        return result with { Passthrough = passthrough };
    }

    private static BenchMode? ParseMode(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "quick" => BenchMode.Quick,
        "full" => BenchMode.Full,
        null or "" => null,
        _ => throw new ArgumentException($"Unknown mode '{value}': quick or full."),
    };
}
