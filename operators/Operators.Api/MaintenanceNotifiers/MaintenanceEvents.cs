namespace Operators.Api.MaintenanceNotifiers;

/// <summary>The maintenance transitions a subscription can ask for.</summary>
public static class MaintenanceEvents
{
    /// <summary>The block's <c>Maintenance</c> condition turned True.</summary>
    public const string Entered = "Entered";

    /// <summary>The block's <c>Maintenance</c> condition turned False.</summary>
    public const string Left = "Left";
}
