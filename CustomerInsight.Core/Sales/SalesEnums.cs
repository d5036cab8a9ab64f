namespace CustomerInsight.Core.Sales;

public enum Channel
{
    Web = 0,
    Store = 1,
    Phone = 2,
    Marketplace = 3,
    Other = 4,
}

/// <summary>Channels as bits of a mask (1 &lt;&lt; channel): the channels a customer bought on, in one integer.</summary>
public static class ChannelBits
{
    public static int Bit(this Channel channel) => 1 << (int)channel;
}

public enum OrderKind
{
    Sale = 0,
    Cancellation = 1,
}
