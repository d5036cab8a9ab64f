namespace CustomerInsight.Core.Sales;

public enum Channel
{
    Web = 0,
    Store = 1,
    Phone = 2,
    Marketplace = 3,
    Other = 4,
}

public enum OrderKind
{
    Sale = 0,
    Cancellation = 1,
}
