using System.Globalization;
using System.Runtime.InteropServices;

namespace Operators.Benchmarks.Reporting;

/// <summary>What a figure was measured on: cores, memory, CPU model, OS, .NET and the load at the time.</summary>
internal sealed record MachineInfo(int Cores, long MemoryBytes, string CpuModel, string OperatingSystem, string Runtime)
{
    /// <summary>Reads the current machine (Linux <c>/proc</c> where available).</summary>
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ReadMemTotal(),
        ReadCpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    /// <summary>The 1, 5 and 15 minute load averages from <c>/proc/loadavg</c>, or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 3 ? $"{parts[0]} {parts[1]} {parts[2]}" : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    /// <summary>One Markdown line, e.g. "2 cores, 7.8 GiB, AMD EPYC …, Ubuntu 24.04, .NET 10.0.1".</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Cores} cores, {MemoryBytes / 1073741824.0:F1} GiB memory, {CpuModel}, {OperatingSystem}, {Runtime}");

    private static long ReadMemTotal()
    {
        foreach (var line in ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                var kib = line["MemTotal:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    private static string ReadCpuModel()
    {
        foreach (var line in ReadLines("/proc/cpuinfo"))
        {
            if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
