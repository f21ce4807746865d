namespace Operators.WebhookReceiver;

/// <summary>The outcome of checking a request's Standard Webhooks signature.</summary>
internal enum SignatureCheck
{
    /// <summary>No <c>webhook-signature</c> header (e.g. a Slack-format subscription without a signing key).</summary>
    Unsigned,

    /// <summary>The signature matches the configured key and the timestamp is recent.</summary>
    Valid,

    /// <summary>The signature matches, but the timestamp is outside the tolerance (a replay).</summary>
    Expired,

    /// <summary>The signature does not match, or its headers are incomplete.</summary>
    Invalid,

    /// <summary>The request is signed, but the receiver has no key to check it with.</summary>
    NotChecked,
}
