namespace Operators.Reliability.Tests.BadInput;

/// <summary>
/// How a case must end: refused by the API server with <see cref="Code"/> naming <see cref="Field"/>, or
/// accepted and then reported by its operator as <see cref="Condition"/>=False with <see cref="Reason"/> and
/// a message containing every word of <see cref="Message"/>.
/// </summary>
/// <param name="Code">The HTTP status of the refusal (422), or null when the object is accepted.</param>
/// <param name="Field">The field path the refusal must name.</param>
/// <param name="Condition">The condition type that must be False (default <c>Ready</c>).</param>
/// <param name="Reason">The condition's reason.</param>
/// <param name="Message">Words the condition's message must contain.</param>
internal sealed record CorpusExpectation(int? Code, string? Field, string Condition, string? Reason, IReadOnlyList<string> Message)
{
    /// <summary>Gets a value indicating whether the API server must refuse the object.</summary>
    public bool IsRefusal => Code is not null;

    /// <inheritdoc />
    public override string ToString() => IsRefusal ? $"{Code} {Field}" : $"{Condition}=False {Reason}";
}
