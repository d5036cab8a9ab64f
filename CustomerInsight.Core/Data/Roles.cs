namespace CustomerInsight.Core.Data;

/// <summary>The four roles of product.md.</summary>
public static class Roles
{
    public const string Executive = "Executive";
    public const string Analyst = "Analyst";
    public const string ChangeManager = "ChangeManager";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Executive, Analyst, ChangeManager, Admin];
}
