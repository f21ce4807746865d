using System.Diagnostics;
using FluentAssertions;

namespace Operators.LocalApiServer.Tests.Api;

public sealed class ProgramTests
{
    [TestCase("TERM")]
    [TestCase("INT")]
    public async Task Program_StopsCleanlyOnSignal(string signal)
    {
        var dll = typeof(LocalApiServer).Assembly.Location;
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "--port", "0"]) { RedirectStandardOutput = true })!;
        var listening = false;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!listening && await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            listening = line.Contains("Press Ctrl-C to stop", StringComparison.Ordinal);
        }

        listening.Should().BeTrue();
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(deadline.Token);
        }

        await process.WaitForExitAsync(deadline.Token);
        process.ExitCode.Should().Be(0);
    }
}
