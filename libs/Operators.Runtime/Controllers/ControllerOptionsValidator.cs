using Microsoft.Extensions.Options;

namespace Operators.Runtime.Controllers;

/// <summary>Validates <see cref="ControllerOptions"/> (source-generated from its data annotations).</summary>
[OptionsValidator]
internal sealed partial class ControllerOptionsValidator : IValidateOptions<ControllerOptions>;
