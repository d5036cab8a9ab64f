namespace CustomerInsight.Tests.Core.Privacy;

public class ConsentHistoryTests
{
    private static readonly DateTime Granted = new(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Withdrawn = new(2024, 6, 15, 14, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Regranted = new(2024, 9, 1, 8, 0, 0, DateTimeKind.Utc);

    private static ConsentEntry Entry(ConsentStatus status, DateTime at, ConsentPurpose purpose = ConsentPurpose.SmsMarketing) =>
        new(purpose, status, at, "test", null);

    // Deliberately out of order: the history is read by instant, not by position.
    private static readonly ConsentEntry[] GrantWithdrawRegrant =
    [
        Entry(ConsentStatus.Granted, Regranted),
        Entry(ConsentStatus.Granted, Granted),
        Entry(ConsentStatus.Withdrawn, Withdrawn),
    ];

    [Fact]
    public void IsGranted_NoRecord_False() =>
        Assert.False(ConsentHistory.IsGranted(Array.Empty<ConsentEntry>(), ConsentPurpose.SmsMarketing, Granted));

    [Fact]
    public void IsGranted_BeforeTheFirstGrant_False() =>
        Assert.False(ConsentHistory.IsGranted(GrantWithdrawRegrant, ConsentPurpose.SmsMarketing, Granted.AddTicks(-1)));

    [Fact]
    public void IsGranted_ExactlyAtTheGrant_True() =>
        Assert.True(ConsentHistory.IsGranted(GrantWithdrawRegrant, ConsentPurpose.SmsMarketing, Granted));

    [Fact]
    public void IsGranted_JustBeforeTheWithdrawal_True() =>
        Assert.True(ConsentHistory.IsGranted(GrantWithdrawRegrant, ConsentPurpose.SmsMarketing, Withdrawn.AddTicks(-1)));

    [Fact]
    public void IsGranted_ExactlyAtTheWithdrawal_False() =>
        Assert.False(ConsentHistory.IsGranted(GrantWithdrawRegrant, ConsentPurpose.SmsMarketing, Withdrawn));

    [Fact]
    public void IsGranted_BetweenWithdrawalAndRegrant_False() =>
        Assert.False(ConsentHistory.IsGranted(GrantWithdrawRegrant, ConsentPurpose.SmsMarketing, Regranted.AddSeconds(-1)));

    [Fact]
    public void IsGranted_AfterTheRegrant_True() =>
        Assert.True(ConsentHistory.IsGranted(GrantWithdrawRegrant, ConsentPurpose.SmsMarketing, Regranted.AddYears(1)));

    [Fact]
    public void IsGranted_OtherPurposeGranted_DoesNotCount()
    {
        ConsentEntry[] history = [Entry(ConsentStatus.Granted, Granted, ConsentPurpose.EmailMarketing)];

        Assert.True(ConsentHistory.IsGranted(history, ConsentPurpose.EmailMarketing, Withdrawn));
        Assert.False(ConsentHistory.IsGranted(history, ConsentPurpose.SmsMarketing, Withdrawn));
    }

    [Fact]
    public void IsGranted_OnlyAWithdrawal_False() =>
        Assert.False(ConsentHistory.IsGranted([Entry(ConsentStatus.Withdrawn, Granted)], ConsentPurpose.SmsMarketing, Withdrawn));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void IsGranted_GrantAndWithdrawalAtTheSameInstant_WithdrawalWinsWhateverTheOrder(bool grantFirst)
    {
        ConsentEntry[] history = grantFirst
            ? [Entry(ConsentStatus.Granted, Granted), Entry(ConsentStatus.Withdrawn, Granted)]
            : [Entry(ConsentStatus.Withdrawn, Granted), Entry(ConsentStatus.Granted, Granted)];

        Assert.False(ConsentHistory.IsGranted(history, ConsentPurpose.SmsMarketing, Granted.AddDays(1)));
    }

    [Fact]
    public void IsGranted_EntityRecords_SameRule()
    {
        ConsentRecord[] records =
        [
            new() { CustomerId = 1, Purpose = ConsentPurpose.PhoneMarketing, Status =
                ConsentStatus.Granted, RecordedAtUtc = Granted, Source = "form" },
            new() { CustomerId = 1, Purpose = ConsentPurpose.PhoneMarketing, Status =
                ConsentStatus.Withdrawn, RecordedAtUtc = Withdrawn, Source = "call" },
        ];

        Assert.True(ConsentHistory.IsGranted(records, ConsentPurpose.PhoneMarketing, Withdrawn.AddTicks(-1)));
        Assert.False(ConsentHistory.IsGranted(records, ConsentPurpose.PhoneMarketing, Withdrawn));
    }

    [Fact]
    public void IsGranted_LocalInstant_Throws() =>
        Assert.Throws<ArgumentException>(() =>
            ConsentHistory.IsGranted(GrantWithdrawRegrant, ConsentPurpose.SmsMarketing, DateTime.SpecifyKind(Granted, DateTimeKind.Local)));
}
