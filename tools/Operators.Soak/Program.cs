using System.Runtime.InteropServices;
using Operators.LocalRun;

namespace Operators.Soak;

/// <summary>
/// <c>make soak</c>: the sample system under random changes and faults for a while, then the report.
/// Exit code 0 when every invariant held and memory stayed flat, 1 when not, 2 when the system could not be
/// started or an argument is wrong.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        SoakOptions options;
        RepositoryLayout layout;
        try
        {
            options = SoakOptions.Parse(args);
            if (options.ShowUsage)
            {
                Console.WriteLine(SoakOptions.Usage);
                return 0;
            }

            layout = RepositoryLayout.Discover(options.Configuration);
        }
        catch (LaunchException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        var log = new SoakLog(Console.Out, TimeProvider.System);
        try
        {
            var result = await new SoakRunner(options, layout, log, TimeProvider.System).RunAsync(stop.Token);
            var report = ReportWriter.Render(result);
            Console.WriteLine();
            Console.Write(report);
            if (options.ReportFile is { } file)
            {
                var path = Path.GetFullPath(file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, report);
                log.Write($"report written to {path}");
            }

            return result.Passed ? 0 : 1;
        }
        catch (LaunchException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("soak interrupted");
            return 2;
        }

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
