using Microsoft.Extensions.Options;

namespace Operators.Runtime.Hosting;

/// <summary>Validates <see cref="OperatorOptions"/> (source-generated from its data annotations and <see cref="OperatorOptions.Validate"/>).</summary>
[OptionsValidator]
internal sealed partial class OperatorOptionsValidator : IValidateOptions<OperatorOptions>;
