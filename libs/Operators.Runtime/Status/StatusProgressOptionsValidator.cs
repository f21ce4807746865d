using Microsoft.Extensions.Options;

namespace Operators.Runtime.Status;

/// <summary>Validates <see cref="StatusProgressOptions"/> (source-generated from <see cref="StatusProgressOptions.Validate"/>).</summary>
[OptionsValidator]
internal sealed partial class StatusProgressOptionsValidator : IValidateOptions<StatusProgressOptions>;
