namespace Operators.Runtime.Hosting;

/// <summary>A complete HTTP response of the <see cref="PlainHttpServer"/>.</summary>
/// <param name="Status">The status code.</param>
/// <param name="ContentType">The media type of <paramref name="Body"/>.</param>
/// <param name="Body">The body.</param>
internal readonly record struct ProbeResponse(int Status, string ContentType, ReadOnlyMemory<byte> Body);
