using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace CustomerInsight.Core.Importing.Reading;

/// <summary>
/// Reads the rows of another reader on a thread of its own, a batch of rows ahead: unpacking, splitting and decoding the
/// file (the inner reader's work) runs on one core while the rows already read are checked and grouped on another. The
/// rows come out exactly as the inner reader gives them, in order (row numbers, row problems, values); an exception of
/// the inner reader (a file error at some row) is thrown by <see cref="Read"/> in its place, after the rows before it.
/// Memory stays bounded: at most <see cref="MaxBatches"/> batches of <see cref="BatchRows"/> rows wait. The inner reader
/// stays its owner's to dispose, after this one.
/// </summary>
internal sealed class ReadAheadReader : TabularReader
{
    public const int BatchRows = 512;
    public const int MaxBatches = 8;

    private sealed class Batch
    {
        public readonly string[][] Values = new string[BatchRows][];
        public readonly int[] Rows = new int[BatchRows];
        public readonly RowProblem?[] Problems = new RowProblem?[BatchRows];
        public int Count;
        public double? Fraction;
        public ExceptionDispatchInfo? Failure;

        /// <summary>Ready to be filled again: the rows' arrays, values and problems stay, to be overwritten.</summary>
        public Batch Clear()
        {
            Count = 0;
            Fraction = null;
            Failure = null;
            return this;
        }
    }

    private readonly TabularReader inner;
    private readonly BlockingCollection<Batch> batches = new(MaxBatches);
    // Batches read through, given back to the producer with their rows' arrays: millions of rows need not allocate an array each.
    private readonly ConcurrentQueue<Batch> spent = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task producer;
    private Batch? current;
    private int position = -1;
    private bool finished;

    public ReadAheadReader(TabularReader inner)
    {
        this.inner = inner;
        Header = inner.Header;
        producer = Task.Factory.StartNew(Produce, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public override IReadOnlyList<string> Header { get; }

    public override int Row => current!.Rows[position];

    public override int FieldCount => current!.Values[position].Length;

    public override string this[int index]
    {
        get
        {
            var values = current!.Values[position];
            return index < values.Length ? values[index] : string.Empty;
        }
    }

    public override RowProblem? RowProblem => current!.Problems[position];

    public override double? Fraction => current?.Fraction;

    public override bool Read()
    {
        if (finished)
        {
            return false;
        }
        while (current is null || ++position >= current.Count)
        {
            current?.Failure?.Throw();
            if (current is not null)
            {
                spent.Enqueue(current);
            }
            if (!batches.TryTake(out var next, Timeout.Infinite))
            {
                finished = true;
                return false;
            }
            current = next;
            position = -1;
        }
        return true;
    }

    private void Produce()
    {
        try
        {
            var more = true;
            while (more && !stop.IsCancellationRequested)
            {
                var batch = spent.TryDequeue(out var reused) ? reused.Clear() : new Batch();
                try
                {
                    while (batch.Count < BatchRows && (more = inner.Read()))
                    {
                        var values = batch.Values[batch.Count] is { } array && array.Length == inner.FieldCount
                            ? array : new string[inner.FieldCount];
                        for (var i = 0; i < values.Length; i++)
                        {
                            values[i] = inner[i];
                        }
                        batch.Values[batch.Count] = values;
                        batch.Rows[batch.Count] = inner.Row;
                        batch.Problems[batch.Count] = inner.RowProblem;
                        batch.Count++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    batch.Failure = ExceptionDispatchInfo.Capture(ex);
                    more = false;
                }
                batch.Fraction = inner.Fraction;
                batches.Add(batch, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The reader was disposed before the end of the file.
        }
        finally
        {
            batches.CompleteAdding();
        }
    }

    public override void Dispose()
    {
        stop.Cancel();
        // The producer stops at its next batch: then the inner reader is no longer read and its owner may dispose it.
        producer.Wait();
        batches.Dispose();
        stop.Dispose();
    }
}
