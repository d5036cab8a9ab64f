namespace CustomerInsight.Tests.Core.Omoc;

/// <summary>metrics.md "Change saturation": windows [start, go-live + 3 months), load = sum of the latest impact indexes, saturated from the
/// threshold.</summary>
public sealed class ChangeLoadCalculatorTests
{
    private static readonly ChangeProjectInfo Checkout = new(1, "Caisse", null, null, new DateOnly(2025, 9, 1), new DateOnly(2026, 3, 2));
    private static readonly ChangeProjectInfo Omnichannel = new(2, "Omnicanal", null, null, new DateOnly(2026, 6, 1), new DateOnly(2026, 11, 2));
    private static readonly ChangeProjectInfo Crm = new(3, "CRM", null, null, new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 29));

    [Fact]
    public void WindowEnd_IsGoLivePlusThreeMonths() =>
        Assert.Equal(new DateOnly(2026, 6, 2), ChangeLoadCalculator.WindowEnd(Checkout));

    [Theory]
    [InlineData(2025, 8, false)]  // before the start
    [InlineData(2025, 9, true)]   // the start month
    [InlineData(2026, 6, true)]   // 1–2 June lie before the window's end (2 June excluded)
    [InlineData(2026, 7, false)]
    public void Overlaps_MonthsAroundTheWindow(int year, int month, bool expected) =>
        Assert.Equal(expected, ChangeLoadCalculator.Overlaps(Checkout, new DateOnly(year, month, 1)));

    [Fact]
    public void Overlaps_WindowEndingOnTheFirstOfAMonth_ExcludesThatMonth()
    {
        var project = Checkout with { GoLiveDate = new DateOnly(2026, 3, 1) };
        Assert.True(ChangeLoadCalculator.Overlaps(project, new DateOnly(2026, 5, 1)));
        Assert.False(ChangeLoadCalculator.Overlaps(project, new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void Cell_WorkedExample_TwoStrongChangesReachTheThreshold()
    {
        // June 2026: the checkout (2.8) and the omnichannel project (3.3) both touch the Lyon site: 6.1 ≥ 6.0.
        var june = ChangeLoadCalculator.Cell([new(7, Checkout, 2.8m), new(7, Omnichannel, 3.3m)], new DateOnly(2026, 6, 15), 6.0m);
        Assert.Equal((new DateOnly(2026, 6, 1), 6.1m, true), (june.Month, june.Load, june.Saturated));
        Assert.Equal(["Caisse", "Omnicanal"], june.Projects.Select(p => p.Project.Name));

        // May: only the checkout.
        var may = ChangeLoadCalculator.Cell([new(7, Checkout, 2.8m), new(7, Omnichannel, 3.3m)], new DateOnly(2026, 5, 1), 6.0m);
        Assert.Equal((2.8m, false), (may.Load, may.Saturated));
    }

    [Fact]
    public void Cell_LoadEqualToTheThreshold_IsSaturated_Below_IsNot()
    {
        Assert.True(ChangeLoadCalculator.Cell([new(1, Checkout, 3.0m), new(1, Crm, 3.0m)], new DateOnly(2026, 5, 1), 6.0m).Saturated);
        Assert.False(ChangeLoadCalculator.Cell([new(1, Checkout, 3.0m), new(1, Crm, 2.9m)], new DateOnly(2026, 5, 1), 6.0m).Saturated);
    }

    [Fact]
    public void Cell_UnscoredProject_NotCounted()
    {
        var cell = ChangeLoadCalculator.Cell([new(1, Checkout, 3.5m), new(1, Crm, null)], new DateOnly(2026, 5, 1), 6.0m);
        Assert.Equal(3.5m, cell.Load);
        Assert.Equal(["Caisse"], cell.Projects.Select(p => p.Project.Name));
    }

    [Fact]
    public void Build_MonthsFromFirstStartToLastWindowEnd_UnitsByName()
    {
        var map = ChangeLoadCalculator.Build(
            [new OrganisationUnitInfo(2, "Site de Lyon"), new OrganisationUnitInfo(1, "Magasins")],
            [new(2, Checkout, 2.8m), new(2, Omnichannel, 3.3m), new(1, Checkout, 2.0m)],
            6.0m);
        Assert.Equal(new DateOnly(2025, 9, 1), map.Months[0]);
        Assert.Equal(new DateOnly(2027, 2, 1), map.Months[^1]); // the omnichannel window ends 2 February 2027 (excluded): 1 February is in
        Assert.Equal(["Magasins", "Site de Lyon"], map.Rows.Select(r => r.Unit.Name));
        var lyon = map.Rows[1];
        Assert.Equal([new DateOnly(2026, 6, 1)], lyon.Cells.Where(c => c.Saturated).Select(c => c.Month));
        Assert.All(map.Rows[0].Cells, c => Assert.False(c.Saturated));
    }

    [Fact]
    public void Build_NoProject_NoMonth() => Assert.Empty(ChangeLoadCalculator.Build([new OrganisationUnitInfo(1, "A")], [], 6.0m).Months);

    [Theory]
    [InlineData(PlanActionStatus.Planned, 2026, 5, 31, true)]
    [InlineData(PlanActionStatus.InProgress, 2026, 5, 31, true)]
    [InlineData(PlanActionStatus.Done, 2026, 5, 31, false)]
    [InlineData(PlanActionStatus.Planned, 2026, 6, 1, false)] // due today: not late yet
    public void PlanActionIsLate_NotDoneAndDueBeforeToday(PlanActionStatus status, int year, int month, int day, bool late) =>
        Assert.Equal(late, PlanActionRules.IsLate(status, new DateOnly(year, month, day), new DateOnly(2026, 6, 1)));
}
