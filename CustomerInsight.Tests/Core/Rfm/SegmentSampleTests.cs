namespace CustomerInsight.Tests.Core.Rfm;

/// <summary>The segments page's bubble sample: every k-th customer in id order, whatever order the scores come in.</summary>
public class SegmentSampleTests
{
    private static RfmCustomerScore Scored(int id) => new(id, new DateOnly(2024, 1, 1), 1, 1, id, 1, 1, 1, RfmSegment.Champions);

    [Theory]
    [InlineData(1000, 300, 4)]
    [InlineData(900, 300, 3)]
    [InlineData(901, 300, 4)]
    [InlineData(250, 300, 1)]
    public void Sample_ScoresInIdOrderOrShuffled_EveryKthCustomerInIdOrder(int customers, int size, int step)
    {
        var random = new Random(customers);
        // Ids with gaps, so that a position is not an id.
        var ids = Enumerable.Range(1, customers).Select(i => (i * 3) + random.Next(3)).ToArray();
        var expected = ids.Where((_, i) => i % step == 0).ToArray();

        foreach (var scores in new[] { ids.Select(Scored).ToArray(), ids.OrderBy(_ => random.Next()).Select(Scored).ToArray() })
        {
            var sample = SegmentQueries.Sample(scores, size);

            Assert.Equal(expected, sample.Select(c => c.CustomerId));
            Assert.True(sample.Count <= size, $"{sample.Count} of at most {size}");
        }
    }

    [Fact]
    public void Sample_NoCustomer_Empty() => Assert.Empty(SegmentQueries.Sample([], 300));
}
