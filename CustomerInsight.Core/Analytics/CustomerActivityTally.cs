using System.Runtime.InteropServices;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Analytics;

/// <summary>
/// A span of business days <c>[Start, End)</c> (no start: from the beginning) whose sale orders count, of one channel or
/// all of them.
/// </summary>
public readonly record struct ActivityWindow(DateOnly? Start, DateOnly End, Channel? Channel)
{
    /// <summary>The month index (year × 12 + month − 1) of a date.</summary>
    public static int MonthIndex(DateOnly date) => (date.Year * 12) + date.Month - 1;

    private static DateOnly MonthStart(int index) => new(index / 12, (index % 12) + 1, 1);

    /// <summary>The whole calendar months inside the window, as month indexes <c>[First, End)</c> (empty when First ≥ End).</summary>
    public (int First, int End) WholeMonths
    {
        get
        {
            var first = Start is { } s ? MonthIndex(s) + (s.Day == 1 ? 0 : 1) : int.MinValue;
            return (first, MonthIndex(End));
        }
    }

    /// <summary>The days of the window outside its whole months (at most two spans), where the orders themselves are read.</summary>
    public IEnumerable<(DateOnly From, DateOnly To)> EdgeDays()
    {
        var (first, end) = WholeMonths;
        var start = Start ?? DateOnly.MinValue;
        if (first >= end)
        {
            if (start < End)
            {
                yield return (start, End);
            }
            yield break;
        }
        if (Start is { } s && s < MonthStart(first))
        {
            yield return (s, MonthStart(first));
        }
        if (MonthStart(end) < End)
        {
            yield return (MonthStart(end), End);
        }
    }

    /// <summary>The bits (month m at bit m − 1) of the window's whole months in <paramref name="year"/>.</summary>
    public int YearMask(int year)
    {
        var (first, end) = WholeMonths;
        var low = Math.Max(first, year * 12) - (year * 12);
        var high = Math.Min(end, (year * 12) + 12) - (year * 12);
        return high > low ? (1 << high) - (1 << low) : 0;
    }

    /// <summary>Whether a sale order of this day and channel is counted from the orders (an edge day of the window, its channel).</summary>
    public bool CountsOrder(DateOnly date, Channel channel) => CountsOrder(date, MonthIndex(date), channel, WholeMonths);

    /// <summary><see cref="CountsOrder(DateOnly, Channel)"/> with the date's month index and the window's whole months worked out.</summary>
    internal bool CountsOrder(DateOnly date, int month, Channel channel, (int First, int End) wholeMonths) =>
        (month < wholeMonths.First || month >= wholeMonths.End) && (Start is not { } s || date >= s) && date < End
        && (Channel is not { } c || c == channel);
}

/// <summary>
/// Sale orders per customer in several windows, capped at two (none, one, two or more: all that active, new, repeat,
/// retained and lapsed customers need), from the customer × year summary rows (<see cref="CustomerYear"/>) for the
/// windows' whole months and from the sale orders of their edge days. Exact for any window: a whole month contributes
/// min(2, its sale orders), known from the two masks; an edge day's orders are counted one by one.
/// </summary>
/// <remarks>
/// Customers are slots <c>0 … customers − 1</c> (a snapshot's dense numbering of customer ids,
/// <see cref="Data.CustomerActivitySnapshot"/>), so a count is an array, not a dictionary of a million ids.
/// Marks are per-customer facts read from elsewhere (for instance "first sale ever within the period", from the customer
/// summary), kept after the windows in each customer's counts: <see cref="Count"/>'s span holds the windows' counts, then the
/// marks' (0 or 1). They let the windows stay bounded: a window without start reads every earlier year of every customer.
/// </remarks>
public sealed class CustomerActivityTally
{
    private readonly ActivityWindow[] windows;
    private readonly (int First, int End)[] wholeMonths;
    // Per window: the shift of its channel's months in a row's channel masks (CustomerYear.ChannelShift); −1 for every channel.
    private readonly int[] channelShifts;
    private readonly Dictionary<int, int[]> masksByYear = [];
    private int maskYear;
    private int[]? lastMasks;
    private readonly int width;
    private readonly int customers;
    private readonly byte[] counts;

    public CustomerActivityTally(IReadOnlyList<ActivityWindow> windows, int customers, int marks = 0)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        ArgumentOutOfRangeException.ThrowIfNegative(marks);
        this.windows = [.. windows];
        wholeMonths = [.. this.windows.Select(w => w.WholeMonths)];
        channelShifts = [.. this.windows.Select(w => w.Channel is { } c ? CustomerYear.ChannelShift(c) : -1)];
        width = this.windows.Length + marks;
        // Count packs a customer's counts two bits each into 64 bits.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 32, "windows and marks");
        this.customers = customers;
        counts = new byte[checked(width * customers)];
    }

    /// <summary>The last year whose rows can count (the year of the latest window end's last day).</summary>
    public int LastYear => windows.Max(w => w.End.AddDays(-1).Year);

    /// <summary>
    /// The first year whose rows can count (the year of the earliest window start); null when a window has no start (every
    /// earlier year counts). The rows of earlier years give no window a whole month, so they need not be read.
    /// </summary>
    public int? FirstYear => windows.Any(w => w.Start is null) ? null : windows.Min(w => w.Start!.Value.Year);

    /// <summary>The edge days of every window, merged into disjoint spans in date order.</summary>
    public IReadOnlyList<(DateOnly From, DateOnly To)> EdgeDays() => EdgeDays(windows);

    /// <summary>The edge days of <paramref name="windows"/>, merged into disjoint spans in date order.</summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To)> EdgeDays(IEnumerable<ActivityWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var spans = windows.SelectMany(w => w.EdgeDays()).OrderBy(s => s.From).ToList();
        var merged = new List<(DateOnly From, DateOnly To)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.From <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, span.To > merged[^1].To ? span.To : merged[^1].To);
            }
            else
            {
                merged.Add(span);
            }
        }
        return merged;
    }

    /// <summary>Adds one customer × year row (its whole months that fall in each window) of the customer in <paramref name="slot"/>.</summary>
    public void AddYear(int slot, int year, int months, int repeatMonths, long channelMonths, long channelRepeatMonths)
    {
        var row = counts.AsSpan(At(slot), windows.Length);
        var masks = MasksOf(year);
        for (var w = 0; w < row.Length; w++)
        {
            var mask = masks[w];
            if (mask == 0)
            {
                continue;
            }
            var shift = channelShifts[w];
            var (active, repeat) = shift < 0
                ? (months & mask, repeatMonths & mask)
                : ((int)(channelMonths >> shift) & mask, (int)(channelRepeatMonths >> shift) & mask);
            if (active != 0)
            {
                // Two sale orders in one month, or sale orders in two months: two or more.
                row[w] = (byte)Math.Min(2, row[w] + (repeat != 0 || (active & (active - 1)) != 0 ? 2 : 1));
            }
        }
    }

    /// <summary>Adds one sale order of an edge day of the customer in <paramref name="slot"/>.</summary>
    public void AddOrder(int slot, DateOnly date, Channel channel) => AddOrder(slot, WindowsCounting(date, channel));

    /// <summary>The windows (bit w: window w) that count a sale order of <paramref name="channel"/> on the edge day <paramref name="date"/>.</summary>
    public int WindowsCounting(DateOnly date, Channel channel)
    {
        var month = ActivityWindow.MonthIndex(date);
        var bits = 0;
        for (var w = 0; w < windows.Length; w++)
        {
            if (windows[w].CountsOrder(date, month, channel, wholeMonths[w]))
            {
                bits |= 1 << w;
            }
        }
        return bits;
    }

    /// <summary>Adds one sale order of the customer in <paramref name="slot"/> to the windows <paramref name="windowBits"/> (<see cref="WindowsCounting"/>).</summary>
    public void AddOrder(int slot, int windowBits)
    {
        var at = At(slot);
        for (var bits = windowBits; bits != 0; bits &= bits - 1)
        {
            Add(at + System.Numerics.BitOperations.TrailingZeroCount(bits), 1);
        }
    }

    /// <summary>Sets mark <paramref name="mark"/> (0-based, after the windows in <see cref="Count"/>'s span) of the customer in a slot.</summary>
    public void Mark(int slot, int mark)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mark);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(mark, width - windows.Length);
        counts[At(slot) + windows.Length + mark] = 1;
    }

    /// <summary>
    /// The customers whose capped counts per window (in the windows' order), then marks, satisfy <paramref name="predicate"/>;
    /// a customer with nothing counted (all zeros) is never counted.
    /// </summary>
    public long Count(Func<ReadOnlySpan<byte>, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Count([predicate])[0];
    }

    /// <summary><see cref="Count(Func{ReadOnlySpan{byte}, bool})"/> of several predicates in one pass over the customers.</summary>
    /// <remarks>
    /// Each predicate is asked once per distinct span, not once per customer: a customer's counts (0, 1 or 2 per window, then
    /// marks of 0 or 1) are packed two bits each into one number, and the customers are counted per number first (a million
    /// customers have a few thousand distinct spans at most).
    /// </remarks>
    public long[] Count(IReadOnlyList<Func<ReadOnlySpan<byte>, bool>> predicates)
    {
        ArgumentNullException.ThrowIfNull(predicates);
        var n = new long[predicates.Count];
        var span = new byte[width];
        foreach (var (packed, customers) in Patterns())
        {
            for (var i = 0; i < width; i++)
            {
                span[i] = (byte)((packed >> (2 * i)) & 3);
            }
            for (var p = 0; p < n.Length; p++)
            {
                if (predicates[p](span))
                {
                    n[p] += customers;
                }
            }
        }
        return n;
    }

    /// <summary>The distinct spans of counts, packed (<see cref="Count(IReadOnlyList{Func{ReadOnlySpan{byte}, bool}})"/>), and how many
    /// customers have each; customers with nothing counted (all zeros) left out.</summary>
    private Dictionary<ulong, long> Patterns()
    {
        var patterns = new Dictionary<ulong, long>();
        for (var i = 0; i < customers; i++)
        {
            var span = counts.AsSpan(i * width, width);
            if (!span.ContainsAnyExcept((byte)0))
            {
                // Nothing counted: no figure counts a customer without a sale or a mark.
                continue;
            }
            ulong packed = 0;
            for (var j = 0; j < span.Length; j++)
            {
                packed |= (ulong)span[j] << (2 * j);
            }
            CollectionsMarshal.GetValueRefOrAddDefault(patterns, packed, out _)++;
        }
        return patterns;
    }

    /// <summary>The windows' masks of <paramref name="year"/> (rows come a year at a time or by customer: the last year's are kept).</summary>
    private int[] MasksOf(int year)
    {
        if (year == maskYear && lastMasks is { } last)
        {
            return last;
        }
        if (!masksByYear.TryGetValue(year, out var masks))
        {
            masks = [.. windows.Select(w => w.YearMask(year))];
            masksByYear.Add(year, masks);
        }
        (maskYear, lastMasks) = (year, masks);
        return masks;
    }

    private void Add(int at, int n) => counts[at] = (byte)Math.Min(2, counts[at] + n);

    private int At(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, customers);
        return slot * width;
    }
}
