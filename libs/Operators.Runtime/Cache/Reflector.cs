using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Operators.Runtime.Client;

namespace Operators.Runtime.Cache;

/// <summary>
/// Keeps a sink in step with the API server, as client-go's reflector does:
/// <list type="number">
/// <item>List in pages of <see cref="SharedInformerOptions.PageSize"/> and hand the whole state to the sink.</item>
/// <item>Watch from the list's resourceVersion with bookmarks and a random timeout between one and two times
/// <see cref="SharedInformerOptions.MinWatchTimeout"/>; every event and bookmark advances the resourceVersion.</item>
/// <item>When the watch ends (timeout, dropped connection), watch again from the last resourceVersion: no list.</item>
/// <item>On 410 Gone during a watch (the version left the server's history), list again at once.</item>
/// <item>On other failures, wait with <see cref="ReflectorBackoff"/> (800 ms doubling to 30 s, jittered, reset after 2 min without failures).</item>
/// </list>
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
internal sealed class Reflector<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan HealthyWatch = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ClientTimeoutGrace = TimeSpan.FromSeconds(30);

    private readonly IResourceClient<T> _client;
    private readonly string? _namespace;
    private readonly SharedInformerOptions _options;
    private readonly IReflectorSink<T> _sink;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _scope;

    public Reflector(IResourceClient<T> client, string? namespaceName, SharedInformerOptions options, IReflectorSink<T> sink, TimeProvider time, ILogger logger)
    {
        _client = client;
        _namespace = namespaceName;
        _options = options;
        _sink = sink;
        _time = time;
        _logger = logger;
        _scope = string.IsNullOrEmpty(namespaceName) ? "all namespaces" : "namespace " + namespaceName;
    }

    /// <summary>Gets the last resourceVersion seen (from a list, an event or a bookmark).</summary>
    public string? ResourceVersion { get; private set; }

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new ReflectorBackoff(_options.InitialBackoff, _options.MaxBackoff, _options.BackoffResetAfter, _time);
        var needList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (needList)
                {
                    await ListAsync(cancellationToken).ConfigureAwait(false);
                    needList = false;
                }

                if (!await WatchAsync(cancellationToken).ConfigureAwait(false))
                {
                    await DelayAsync(backoff.Next(), null, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (KubernetesGoneException) when (!needList)
            {
                Log.WatchExpired(_logger, _client.ResourceType.Plural, _scope, ResourceVersion);
                needList = true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                await DelayAsync(backoff.Next(), e, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? resourceVersion = null;
        string? token = null;
        do
        {
            var options = new ListOptions
            {
                LabelSelector = _options.LabelSelector,
                FieldSelector = _options.FieldSelector,
                Limit = _options.PageSize,
                Continue = token,
            };
            var page = await _client.ListAsync(_namespace, options, cancellationToken).ConfigureAwait(false);
            resourceVersion ??= page.ResourceVersion;
            items.AddRange(page.Items);
            token = page.Continue;
        }
        while (token is not null);

        _sink.Replace(items, resourceVersion);
        ResourceVersion = resourceVersion;
        Log.Listed(_logger, items.Count, _client.ResourceType.Plural, _scope, resourceVersion);
    }

    /// <summary>Watches until the stream ends; returns whether it was healthy (long enough or eventful).</summary>
    private async Task<bool> WatchAsync(CancellationToken cancellationToken)
    {
        var timeout = _options.MinWatchTimeout * (1 + Random.Shared.NextDouble());
        var options = new WatchOptions
        {
            LabelSelector = _options.LabelSelector,
            FieldSelector = _options.FieldSelector,
            ResourceVersion = ResourceVersion,
            AllowWatchBookmarks = true,
            TimeoutSeconds = (int)timeout.TotalSeconds,
        };
        using var deadline = new CancellationTokenSource(timeout + ClientTimeoutGrace, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = _time.GetTimestamp();
        var events = 0;
        try
        {
            await foreach (var watchEvent in _client.WatchAsync(_namespace, options, linked.Token).ConfigureAwait(false))
            {
                events++;
                if (watchEvent.Type != WatchEventType.Bookmark)
                {
                    _sink.Apply(watchEvent);
                }

                ResourceVersion = watchEvent.Object.Metadata?.ResourceVersion ?? ResourceVersion;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The client-side deadline: the server missed its own timeout. Watch again.
        }
        catch (Exception e) when (RetryClassifier.IsTransportError(e) && (events > 0 || _time.GetElapsedTime(started) >= HealthyWatch))
        {
            // The connection broke after a healthy stretch (e.g. the server dropped watches): resume at once.
        }

        Log.WatchEnded(_logger, _client.ResourceType.Plural, _scope, events, ResourceVersion);
        return events > 0 || _time.GetElapsedTime(started) >= HealthyWatch;
    }

    /// <summary>Waits out a backoff; cancellation ends the wait quietly (the loop then stops).</summary>
    private async Task DelayAsync(TimeSpan delay, Exception? failure, CancellationToken cancellationToken)
    {
        if (failure is not null)
        {
            Log.ListWatchFailed(_logger, failure, _client.ResourceType.Plural, _scope, delay);
        }

        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
