using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Core.Data;

/// <summary><c>Database:*</c> settings.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required, AllowedValues("Sqlite")]
    public string Provider { get; set; } = "Sqlite";
}
