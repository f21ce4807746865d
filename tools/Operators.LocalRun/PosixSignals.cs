using System.Runtime.InteropServices;

namespace Operators.LocalRun;

/// <summary>Sends POSIX signals to child processes (.NET's <c>Process.Kill</c> only sends SIGKILL).</summary>
internal static partial class PosixSignals
{
    /// <summary>SIGTERM: please stop (a .NET host drains and shuts down gracefully).</summary>
    public const int Terminate = 15;

    /// <summary>SIGKILL: stop now, no cleanup.</summary>
    public const int Kill = 9;

    /// <summary>Sends <paramref name="signal"/> to process <paramref name="pid"/>.</summary>
    /// <param name="pid">The process id.</param>
    /// <param name="signal">The signal number.</param>
    /// <returns><see langword="true"/> when it was sent (false e.g. when the process is gone).</returns>
    public static bool Send(int pid, int signal) => OperatingSystem.IsWindows() ? false : SendSignal(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SendSignal(int pid, int signal);
}
