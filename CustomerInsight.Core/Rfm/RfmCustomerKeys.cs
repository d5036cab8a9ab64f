using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CustomerInsight.Core.Rfm;

/// <summary>
/// Stable pseudonymous customer keys for exports: HMAC-SHA256 of the internal customer id under a
/// per-database secret, first 80 bits as 20 hex digits. Without the secret a key cannot be traced
/// back (a plain hash of small integer ids could be reversed by trying them all); with the same
/// secret a customer keeps the same key across exports and dates, also after erasure.
/// </summary>
public sealed class RfmCustomerKeys
{
    public const int SecretBytes = 32;
    private const int KeyBytes = 10;

    private readonly byte[] secret;

    public RfmCustomerKeys(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < SecretBytes)
        {
            throw new ArgumentException($"The pseudonym secret needs at least {SecretBytes} bytes.", nameof(secret));
        }
        this.secret = secret.ToArray();
    }

    /// <summary>A fresh random secret, to be stored once per database.</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    public string For(int customerId)
    {
        Span<byte> id = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32BigEndian(id, customerId);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, id, hash);
        return Convert.ToHexStringLower(hash[..KeyBytes]);
    }
}
