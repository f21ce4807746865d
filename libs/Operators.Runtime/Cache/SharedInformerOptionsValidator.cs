using Microsoft.Extensions.Options;

namespace Operators.Runtime.Cache;

/// <summary>Validates <see cref="SharedInformerOptions"/> (source-generated from its data annotations).</summary>
[OptionsValidator]
internal sealed partial class SharedInformerOptionsValidator : IValidateOptions<SharedInformerOptions>;
