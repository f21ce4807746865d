using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Operators.Runtime.Controllers;
using Operators.Runtime.Tests.Client;
using Prometheus;

namespace Operators.Runtime.Tests.Hosting;

/// <summary>
/// The console lines the hosting's own formatter writes (console output captured) while a reconcile runs: JSON lines
/// carry the reconcile's fields, text lines are single lines with a short <c>controller ns/name #id</c> scope.
/// </summary>
[NonParallelizable]
public sealed partial class ReconcileLogLinesTests : ApiServerTestBase
{
    private const string Controller = "configmap";
    private string _kubeconfig = null!;

    [OneTimeSetUp]
    public void WriteKubeconfig()
    {
        _kubeconfig = Path.Combine(Path.GetTempPath(), UniqueName("kubeconfig"));
        Server.WriteKubeconfig(_kubeconfig, "log-lines-test");
    }

    [OneTimeTearDown]
    public void DeleteKubeconfig() => File.Delete(_kubeconfig);

    [Test]
    public async Task JsonLogs_WrittenInsideAReconcile_CarryControllerNamespaceNameAndReconcileId()
    {
        var (ns, output) = await RunOneObjectAsync("json");

        var entries = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var inside = entries.Where(e => ScopeValue(e, "namespace") == ns).ToList();
        inside.Select(e => e.GetProperty("Message").GetString()).Should().Contain(
            [LoggingReconciler.FailureMessage, LoggingReconciler.SuccessMessage, "Reconciler error; requeued with backoff"],
            "the reconciler's own lines and the controller's lines are written inside the reconcile");
        inside.Should().Contain(e => e.GetProperty("Message").GetString()!.StartsWith("Reconciled in", StringComparison.Ordinal));
        foreach (var entry in inside)
        {
            ScopeValue(entry, "controller").Should().Be(Controller);
            ScopeValue(entry, "name").Should().Be("cm1");
            ScopeValue(entry, "reconcileID").Should().MatchRegex("^[0-9a-f-]{36}$");
        }

        var byReconcile = inside.GroupBy(e => ScopeValue(e, "reconcileID")).ToList();
        byReconcile.Should().HaveCountGreaterThanOrEqualTo(2, "the failed reconcile and its retry have their own ids");
        entries.Where(e => e.GetProperty("Category").GetString() == typeof(LoggingReconciler).FullName!.Replace('+', '.'))
            .Should().NotBeEmpty().And.OnlyContain(e => ScopeValue(e, "namespace") == ns, "every line the reconciler writes is inside a reconcile");
    }

    [Test]
    public async Task TextLogs_AreSingleLines_WithAShortControllerNamespaceNameIdScope()
    {
        var (ns, output) = await RunOneObjectAsync("text");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().OnlyContain(line => Timestamp().IsMatch(line), "every entry, exceptions included, is one line starting with its timestamp");
        var scope = new Regex($"{Controller} {Regex.Escape(ns)}/cm1 #[0-9a-f]{{8}}");
        var reconcilerLines = lines.Where(l => l.Contains(LoggingReconciler.SuccessMessage, StringComparison.Ordinal) || l.Contains(LoggingReconciler.FailureMessage, StringComparison.Ordinal)).ToList();
        reconcilerLines.Should().HaveCountGreaterThanOrEqualTo(2).And.OnlyContain(l => scope.IsMatch(l));
        lines.Single(l => l.Contains("Reconciler error", StringComparison.Ordinal)).Should()
            .MatchRegex(scope.ToString()).And.Contain(LoggingReconciler.ExceptionText.Replace('\n', ' '), "the exception stays on the line");
    }

    private static string? ScopeValue(JsonElement entry, string key)
    {
        if (!entry.TryGetProperty("Scopes", out var scopes))
        {
            return null;
        }

        foreach (var scope in scopes.EnumerateArray())
        {
            if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty(key, out var value))
            {
                return value.GetString();
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ")]
    private static partial Regex Timestamp();

    /// <summary>Runs a host with the given log format until its reconciler failed once and then succeeded for one ConfigMap; returns the console output.</summary>
    private async Task<(string Namespace, string Output)> RunOneObjectAsync(string format)
    {
        var ns = UniqueName("logs");
        await CreateClient().For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var captured = new StringWriter(new StringBuilder());
        var original = Console.Out;
        Console.SetOut(TextWriter.Synchronized(captured));
        try
        {
            var builder = Host.CreateApplicationBuilder(
            [
                "--kubeconfig", _kubeconfig, "--namespace", ns, "--metrics-bind-address", "0", "--health-probe-bind-address", "0",
                "--log-format", format, "--log-level", "debug",
            ]);
            builder.Services.AddSingleton(Metrics.NewCustomRegistry());
            builder.AddOperator(o => o.Name = "log-lines");
            builder.AddController<V1ConfigMap, LoggingReconciler>();
            using (var host = builder.Build())
            {
                await host.StartAsync();
                await CreateClient().For<V1ConfigMap>().CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm1", NamespaceProperty = ns } });
                var reconciler = host.Services.GetRequiredService<LoggingReconciler>();
                await Eventually.HoldsAsync(() => reconciler.Succeeded, "the reconcile failed once, then succeeded");
                await host.StopAsync();
            }

            // Disposing the host flushed the console logger's queue.
            return (ns, captured.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    /// <summary>Logs a line, fails the first reconcile with a multi-line message, succeeds afterwards.</summary>
    private sealed partial class LoggingReconciler(ILogger<LoggingReconciler> logger) : IReconciler
    {
        public const string FailureMessage = "Failing on purpose";
        public const string SuccessMessage = "Touched the object";
        public const string ExceptionText = "first line\nsecond line";

        private int _calls;
        private volatile bool _succeeded;

        public bool Succeeded => _succeeded;

        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                LogFailing(logger);
                throw new InvalidOperationException(ExceptionText);
            }

            LogTouched(logger);
            _succeeded = true;
            return Task.FromResult(ReconcileResult.Done);
        }

        [LoggerMessage(Level = LogLevel.Information, Message = FailureMessage)]
        private static partial void LogFailing(ILogger logger);

        [LoggerMessage(Level = LogLevel.Information, Message = SuccessMessage)]
        private static partial void LogTouched(ILogger logger);
    }
}
