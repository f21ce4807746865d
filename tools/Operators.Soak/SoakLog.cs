using System.Globalization;

namespace Operators.Soak;

/// <summary>The soak's progress lines, <c>[soak] mm:ss text</c>, safe from many threads.</summary>
/// <param name="output">Where the lines go.</param>
/// <param name="time">The clock of the elapsed time.</param>
internal sealed class SoakLog(TextWriter output, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly long _started = time.GetTimestamp();

    /// <summary>Writes a line.</summary>
    /// <param name="text">The text.</param>
    public void Write(string text)
    {
        var elapsed = time.GetElapsedTime(_started);
        lock (_gate)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[soak] {(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00} {text}"));
        }
    }
}
