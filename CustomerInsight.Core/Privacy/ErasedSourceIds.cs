using System.Security.Cryptography;
using System.Text;

namespace CustomerInsight.Core.Privacy;

/// <summary>
/// The one-way key an erased customer keeps of its original source id: HMAC-SHA256 under the database's
/// customer key (<see cref="Data.AppSecret.CustomerKey"/>), with a purpose prefix so it never equals another
/// keyed hash of the same secret. Lets an import recognise (and skip) the customer without storing the id.
/// </summary>
public static class ErasedSourceIds
{
    private const string Purpose = "erased-source-id:";

    /// <summary>64 lower-case hex digits.</summary>
    public static string Hash(ReadOnlySpan<byte> secret, string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(Purpose + sourceId)));
    }

    /// <summary>A fresh pseudonym replacing the source id: <c>erased-</c> and 16 random hex digits (no link to the old id).</summary>
    public static string NewPseudonym() => "erased-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
