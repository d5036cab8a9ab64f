namespace CustomerInsight.Core.Data;

/// <summary>
/// A secret that belongs to one database, e.g. the key of the pseudonymous customer keys in exports:
/// stable for that database, never exported, so keys cannot be reversed without the database.
/// </summary>
public class AppSecret
{
    public const string CustomerKey = "customer-key";

    public required string Name { get; set; }
    public required byte[] Value { get; set; }
}
