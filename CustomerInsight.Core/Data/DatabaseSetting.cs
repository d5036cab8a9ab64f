namespace CustomerInsight.Core.Data;

/// <summary>
/// A property of the database itself, recorded once and kept with the data (e.g. its reporting currency):
/// what the figures stored in the file mean does not change with the configuration of the process reading them.
/// </summary>
public class DatabaseSetting
{
    public const string Currency = "currency";

    public required string Name { get; set; }
    public required string Value { get; set; }
}
