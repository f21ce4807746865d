namespace Operators.NovaAgent.Validation;

/// <summary>A rule of the spec that the CRD schema cannot express, broken.</summary>
/// <param name="Field">The field's path, e.g. <c>spec.host</c>.</param>
/// <param name="Message">What is wrong and how to fix it; names the field.</param>
internal sealed record SpecProblem(string Field, string Message);
