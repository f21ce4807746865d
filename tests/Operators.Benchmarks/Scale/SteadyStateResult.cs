namespace Operators.Benchmarks.Scale;

/// <summary>What the steady state after the largest size's convergence measured.</summary>
/// <param name="Blocks">The size (blocks) it followed.</param>
/// <param name="Duration">How long it was watched.</param>
/// <param name="Requests">The API requests meanwhile.</param>
/// <param name="Writers">Per client (User-Agent product) the kinds of write it made meanwhile.</param>
/// <param name="Reconciles">Per operator the reconciles meanwhile (resyncs show here).</param>
internal sealed record SteadyStateResult(
    int Blocks, TimeSpan Duration, RequestTally Requests, IReadOnlyDictionary<string, IReadOnlyList<string>> Writers, IReadOnlyDictionary<string, long> Reconciles)
{
    /// <summary>Gets the writes that count against the zero target: every write except Lease renewals.</summary>
    public long Writes => Requests.ObjectWrites + Requests.EventWrites;
}
