namespace Operators.LocalApiServer.Authorization;

/// <summary>One request the RBAC evaluator refused with 403 Forbidden.</summary>
/// <param name="Time">When.</param>
/// <param name="User">The user name.</param>
/// <param name="Verb">The verb (a Kubernetes verb, or the lower-case HTTP method of a non-resource request).</param>
/// <param name="ApiGroup">The API group; empty for the core group or a non-resource request.</param>
/// <param name="Resource">The resource with <c>/subresource</c> where one was addressed; the path of a non-resource request.</param>
/// <param name="Namespace">The namespace; empty at the cluster scope.</param>
/// <param name="Name">The object name, or empty.</param>
/// <param name="Message">The message of the 403 Status.</param>
public sealed record Denial(DateTimeOffset Time, string User, string Verb, string ApiGroup, string Resource, string Namespace, string Name, string Message);
