using System.Buffers;

namespace CustomerInsight.Core.Analytics;

/// <summary>
/// Working arrays of the computations over the whole base (RFM at a date), kept between uses instead of allocated each time.
/// </summary>
/// <remarks>
/// Memory new to the process is dear on the virtual machines this runs on: the host backs it page by page the first time it is
/// touched, about 3 ms a megabyte (24 MB: 70 ms, then 0.2 ms when touched again). Scoring RFM for 750 k customers allocated 255
/// MB of such arrays, most of its 0.5–1 s. A rented array is not cleared and may be longer than asked: use its
/// <see cref="ScratchArray{T}.Span"/>.
/// </remarks>
public static class Scratch
{
    /// <summary>An array of at least <paramref name="length"/> items, returned to the pool when disposed.</summary>
    public static ScratchArray<T> Rent<T>(int length) => new(length == 0 ? [] : Pool<T>.Shared.Rent(length), length);

    /// <summary>As <see cref="Rent{T}"/>, every item of the span set to its default.</summary>
    public static ScratchArray<T> RentCleared<T>(int length)
    {
        var rented = Rent<T>(length);
        rented.Span.Clear();
        return rented;
    }

    internal static class Pool<T>
    {
        // Never trimmed (unlike ArrayPool.Shared, which drops arrays unused for a minute): a few arrays per size, up to 2^28 items.
        public static readonly ArrayPool<T> Shared = ArrayPool<T>.Create(1 << 28, 8);
    }
}

/// <summary>A rented array and the length asked for.</summary>
public readonly struct ScratchArray<T>(T[] array, int length) : IDisposable
{
    /// <summary>The rented array, possibly longer than <see cref="Length"/>.</summary>
    public T[] Array { get; } = array;

    public int Length { get; } = length;

    public Span<T> Span => Array.AsSpan(0, Length);

    public void Dispose()
    {
        if (Array.Length > 0)
        {
            Scratch.Pool<T>.Shared.Return(Array);
        }
    }
}
