using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Core.Data;

/// <summary>A person who signs in to CustomerInsight.</summary>
public class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
