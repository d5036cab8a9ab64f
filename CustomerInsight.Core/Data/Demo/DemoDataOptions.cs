using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Core.Data.Demo;

/// <summary><c>DemoData:*</c> settings.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>The web app fills an empty database with the demo company at start-up.</summary>
    public bool Enabled { get; set; } = true;

    [Range(10, 2_000_000)]
    public int Customers { get; set; } = 5000;
}
