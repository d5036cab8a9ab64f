using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>Reads a database secret, creating it with 32 random bytes on first use.</summary>
public sealed class AppSecrets(IDbContextFactory<InsightDbContext> contextFactory)
{
    public async Task<byte[]> GetOrCreateAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.AppSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (existing is not null)
        {
            return existing.Value;
        }
        db.AppSecrets.Add(new AppSecret { Name = name, Value = RandomNumberGenerator.GetBytes(32) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process created it at the same moment: theirs is the one.
        }
        await using var again = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await again.AppSecrets.AsNoTracking().FirstAsync(s => s.Name == name, cancellationToken)).Value;
    }
}
