using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>A logger provider that keeps every line (message, exception and scopes), to search for leaked secrets.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes.ForEachScope((scope, list) => list.Add(Render(scope)), scopes);
            owner._lines.Enqueue($"{logLevel} {category}[{eventId.Name}] {formatter(state, exception)} {exception} {string.Join(" => ", scopes)} {Render(state)}");
        }

        private static string Render(object? value) => value is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : value?.ToString() ?? string.Empty;
    }
}
