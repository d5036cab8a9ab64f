using CustomerInsight.Core.Analytics;

namespace CustomerInsight.Tests.Core.Analytics;

public sealed class CustomerIdSetTests
{
    [Fact]
    public void Contains_TheMembersOnly_AcrossWordsAndBeyondTheHighestId()
    {
        var set = CustomerIdSet.Of(new[] { 1, 63, 64, 130 });

        Assert.Equal([1, 63, 64, 130], Enumerable.Range(-5, 300).Where(set.Contains));
    }

    [Fact]
    public void Of_AnArray_BuiltOnceForThatArray()
    {
        int[] members = [3, 7];
        int[] same = [3, 7];

        Assert.Same(CustomerIdSet.Of(members), CustomerIdSet.Of(members));
        Assert.NotSame(CustomerIdSet.Of(members), CustomerIdSet.Of(same));
        Assert.True(CustomerIdSet.Of(new List<int> { 7 }).Contains(7));
        Assert.False(CustomerIdSet.Of(Array.Empty<int>()).Contains(0));
    }
}
