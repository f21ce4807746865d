using System.Globalization;

namespace Operators.Soak;

/// <summary>Reads a process's resident set size from <c>/proc/&lt;pid&gt;/status</c> (<c>VmRSS</c>).</summary>
internal static class ProcessMemory
{
    /// <summary>The resident set size in MiB.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>The size, or null when the process is gone or the file unreadable.</returns>
    public static double? RssMiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib / 1024.0 : null;
                }
            }

            return null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
