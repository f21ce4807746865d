using Operators.Benchmarks.Reporting;

namespace Operators.Benchmarks.Scale;

/// <summary>
/// Issue 9, part 3: the local API server and the three operators as processes converge N BuildingBlocks of
/// 10 hosts; time to convergence against the write floor (the same objects written by a plain program),
/// object writes against the minimum, and a steady state with resyncs that must write nothing.
/// </summary>
internal static class ScaleBenchmark
{
    public static async Task<ReportSection> RunAsync(ScaleSettings settings, CancellationToken cancellationToken)
    {
        var section = new ReportSection("scale", "End-to-end scale (issue 9, part 3)");
        var runDirectory = Path.Combine(Path.GetTempPath(), $"operators-scale-{Environment.ProcessId}");
        var sizes = settings.Blocks.Order().ToList();
        var results = new List<SizeResult>();
        SteadyStateResult? steady = null;
        try
        {
            foreach (var blocks in sizes)
            {
                var (size, steadyState) = await ScaleRun.RunAsync(settings, blocks, blocks == sizes[^1], Path.Combine(runDirectory, $"size-{blocks}"), cancellationToken);
                results.Add(size);
                steady ??= steadyState;
            }
        }
        finally
        {
            TryDelete(runDirectory);
        }

        foreach (var result in results)
        {
            ScaleReport.AddSize(section, result);
        }

        ScaleReport.AddSteadyState(section, steady, results.Count > 0 ? results[^1] : null, settings);
        ScaleReport.AddNotes(section, settings, results, steady);
        return section;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"scale: could not remove {directory}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"scale: could not remove {directory}: {e.Message}");
        }
    }
}
