namespace CustomerInsight.Tests.Core.Rfm;

public class RfmCustomerKeysTests
{
    private static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void For_SameSecretAndId_SameKeyEveryTime()
    {
        var key = new RfmCustomerKeys(Secret).For(17850);

        Assert.Equal(key, new RfmCustomerKeys(Secret).For(17850));
        Assert.Matches("^[0-9a-f]{20}$", key);
        Assert.DoesNotContain("17850", key, StringComparison.Ordinal);
    }

    [Fact]
    public void For_OtherSecret_OtherKey()
    {
        var other = Secret.ToArray();
        other[0] ^= 0xFF;

        Assert.NotEqual(new RfmCustomerKeys(Secret).For(1), new RfmCustomerKeys(other).For(1));
    }

    [Fact]
    public void For_ManyIds_NoCollision()
    {
        var keys = new RfmCustomerKeys(Secret);

        Assert.Equal(100_000, Enumerable.Range(1, 100_000).Select(keys.For).Distinct().Count());
    }

    [Fact]
    public void Constructor_ShortSecret_Throws() =>
        Assert.Throws<ArgumentException>(() => new RfmCustomerKeys(new byte[16]));
}
