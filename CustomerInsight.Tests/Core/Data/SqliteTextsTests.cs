using System.Text;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// The bulk writer's instants and dates on SQLite: the same texts as the format EF Core and Microsoft.Data.Sqlite use
/// (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, <c>yyyy-MM-dd</c>), written by hand. BulkWriterTests read them back through EF Core.
/// </summary>
public sealed class SqliteTextsTests
{
    private static string Instant(DateTime instant)
    {
        Span<byte> utf8 = stackalloc byte[SqliteTexts.MaxInstantBytes];
        return Encoding.UTF8.GetString(utf8[..SqliteTexts.Instant(instant, utf8)]);
    }

    private static string Expected(DateTime instant) =>
        instant.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2024, 3, 15, 14, 30, 0, 0, "2024-03-15 14:30:00")]
    [InlineData(2024, 3, 15, 9, 5, 7, 1_000_000, "2024-03-15 09:05:07.1")]
    [InlineData(2024, 12, 31, 23, 59, 59, 9_999_999, "2024-12-31 23:59:59.9999999")]
    [InlineData(2024, 1, 1, 0, 0, 0, 1, "2024-01-01 00:00:00.0000001")]
    [InlineData(2024, 1, 1, 0, 0, 0, 1_230_000, "2024-01-01 00:00:00.123")]
    [InlineData(1, 1, 1, 0, 0, 0, 0, "0001-01-01 00:00:00")]
    [InlineData(999, 7, 4, 12, 0, 0, 0, "0999-07-04 12:00:00")]
    [InlineData(9999, 12, 31, 23, 59, 59, 9_999_999, "9999-12-31 23:59:59.9999999")]
    public void Instant_WritesTheStoredText(int year, int month, int day, int hour, int minute, int second, int ticks, string expected)
    {
        var instant = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);

        Assert.Equal(expected, Instant(instant));
        Assert.Equal(Expected(instant), Instant(instant));
    }

    [Fact]
    public void Instant_AnyTick_SameTextAsTheFormatString()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 100_000; i++)
        {
            var instant = new DateTime(random.NextInt64(DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            // Three in four on a whole second, millisecond or microsecond: fractions with trailing zeros, or none.
            instant = (i % 4) switch
            {
                0 => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond)),
                1 => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMillisecond)),
                2 => instant.AddTicks(-(instant.Ticks % 10)),
                _ => instant,
            };
            Assert.Equal(Expected(instant), Instant(instant));
        }
    }

    [Fact]
    public void Date_AnyDay_SameTextAsTheFormatString()
    {
        Span<byte> utf8 = stackalloc byte[10];
        for (var day = DateOnly.MinValue.DayNumber; day <= DateOnly.MaxValue.DayNumber; day += 37)
        {
            var date = DateOnly.FromDayNumber(day);
            Assert.Equal(10, SqliteTexts.Date(date, utf8));
            Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Encoding.UTF8.GetString(utf8));
        }
        Assert.Equal(10, SqliteTexts.Date(new DateOnly(2025, 2, 28), utf8));
        Assert.Equal("2025-02-28", Encoding.UTF8.GetString(utf8));
    }
}
