using Microsoft.Extensions.Options;

namespace Operators.BuildingBlock;

/// <summary>Validates <see cref="BuildingBlockOptions"/> (source-generated from <see cref="BuildingBlockOptions.Validate"/>).</summary>
[OptionsValidator]
internal sealed partial class BuildingBlockOptionsValidator : IValidateOptions<BuildingBlockOptions>;
