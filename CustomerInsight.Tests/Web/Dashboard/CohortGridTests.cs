using Bunit;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Web.Components.Pages.Dashboard;

namespace CustomerInsight.Tests.Web.Dashboard;

/// <summary>The cohort matrix renders again only when its cells change (a new, equal matrix comes with every filter change).</summary>
public sealed class CohortGridTests : BunitTestBase
{
    private static CohortMatrix Matrix(double lastShare) => new(202602,
    [
        new CohortRow(202601, 10, [1.0, lastShare]),
        new CohortRow(202602, 4, [1.0]),
    ]);

    [Fact]
    public void NewMatrix_EqualCellsNotRenderedAgain_ChangedCellsRendered()
    {
        var grid = Render<CohortGrid>(p => p.Add(g => g.Matrix, Matrix(0.5)));
        var renders = grid.RenderCount;

        grid.Render(p => p.Add(g => g.Matrix, Matrix(0.5)));
        Assert.Equal(renders, grid.RenderCount);

        grid.Render(p => p.Add(g => g.Matrix, Matrix(0.3)));
        Assert.True(grid.RenderCount > renders, "changed cells were not rendered");
        Assert.Contains("30", grid.FindAll("tbody tr")[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("50", grid.FindAll("tbody tr")[0].TextContent, StringComparison.Ordinal);
    }
}
