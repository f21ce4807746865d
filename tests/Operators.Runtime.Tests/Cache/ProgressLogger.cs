using Microsoft.Extensions.Logging;

namespace Operators.Runtime.Tests.Cache;

/// <summary>Writes log lines to the NUnit progress output, for diagnosing a failing test.</summary>
internal sealed class ProgressLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        TestContext.Progress.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel} {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
}
