using CustomerInsight.Core.Omoc;
using CustomerInsight.Web.Components.Charts;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>
/// The Chart.js configuration of the sociodynamic map: a 4 × 4 grid, antagonism to the right (x), synergy up (y),
/// each cell shaded with its zone's colour and each zone named; one bubble per placed actor (a population sized by
/// its OMOC impact index), and an arrow from an actor's previous reading to its latest.
/// </summary>
public static class SociodynamicMapConfig
{
    public const double PersonRadius = 7;
    public const double UnscoredPopulationRadius = 9;

    /// <summary>Light fills, dark text readable on them; allies green, opponents red, the undecided in between.</summary>
    public static string ZoneColour(SociodynamicPosition position) => position switch
    {
        SociodynamicPosition.Passive => "#eceff1",
        SociodynamicPosition.Zealous => "#dcedc8",
        SociodynamicPosition.GoldenTriangle => "#a5d6a7",
        SociodynamicPosition.Hesitant => "#fff59d",
        SociodynamicPosition.Torn => "#ffe0b2",
        SociodynamicPosition.Grumbler => "#ffccbc",
        SociodynamicPosition.Opponent => "#ef9a9a",
        SociodynamicPosition.DieHard => "#e57373",
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown position."),
    };

    /// <summary>A population's bubble grows with its impact index (1 → 10 px, 4 → 22 px); a person keeps a small fixed point.</summary>
    public static double Radius(SociodynamicActorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Actor.IsPopulation)
        {
            return PersonRadius;
        }
        return state.ImpactIndex is { } index ? 6 + (4 * (double)index) : UnscoredPopulationRadius;
    }

    /// <summary>
    /// Where an actor is drawn in its cell: actors sharing a cell are spread on a small circle around its centre
    /// (rank in the cell, by the map's actor order), so none hides another.
    /// </summary>
    public static (double X, double Y) Offset(int rank, int countInCell)
    {
        if (countInCell <= 1)
        {
            return (0, 0);
        }
        var angle = 2 * Math.PI * rank / countInCell;
        return (Math.Round(0.25 * Math.Cos(angle), 3), Math.Round(0.25 * Math.Sin(angle), 3));
    }

    public static ChartConfig Build(SociodynamicMap map, CultureInfo culture, string synergyTitle, string antagonismTitle)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(culture);
        var boxes = new List<ChartBox>();
        var texts = new List<ChartText>();
        foreach (var position in SociodynamicScorer.AllPositions)
        {
            var cells = SociodynamicScorer.Cells(position);
            boxes.AddRange(cells.Select(c => new ChartBox(c.Antagonism - 0.5, c.Antagonism + 0.5, c.Synergy - 0.5, c.Synergy + 0.5, ZoneColour(position))));
            // The name sits in the middle of the zone's cells, near the top of the cell so a centred bubble leaves it readable.
            texts.Add(new ChartText(cells.Average(c => c.Antagonism), cells.Average(c => c.Synergy) + 0.35, SociodynamicScorer.Name(position).For(culture)));
        }

        var placed = map.Placed;
        var datasets = new List<ChartDataset>();
        var arrows = new List<ChartArrow>();
        var byCell = placed.GroupBy(s => (s.Latest!.Synergy, s.Latest.Antagonism)).ToDictionary(g => g.Key, g => g.ToList());
        for (var i = 0; i < placed.Count; i++)
        {
            var state = placed[i];
            var latest = state.Latest!;
            var inCell = byCell[(latest.Synergy, latest.Antagonism)];
            var (dx, dy) = Offset(inCell.IndexOf(state), inCell.Count);
            var colour = ChartPalette.At(i);
            datasets.Add(new ChartDataset(state.Actor.Name)
            {
                Points = [new BubblePoint(latest.Antagonism + dx, latest.Synergy + dy, Radius(state))],
                BackgroundColor = ChartPalette.Translucent(colour, 0.75),
                BorderColor = colour,
                BorderWidth = 2,
            });
            if (state.Previous is { } previous && (previous.Synergy, previous.Antagonism) != (latest.Synergy, latest.Antagonism))
            {
                arrows.Add(new ChartArrow(previous.Antagonism + dx, previous.Synergy + dy, latest.Antagonism + dx, latest.Synergy + dy, colour));
            }
        }

        ChartScale Axis(string title) => new()
        {
            Min = SociodynamicScorer.MinScore - 0.5,
            Max = SociodynamicScorer.MaxScore + 0.5,
            Title = new ChartScaleTitle(title),
            Ticks = new ChartTicks(StepSize: 1, Precision: 0),
            Grid = new ChartGrid(Display: false),
        };
        return new ChartConfig(ChartType.Bubble, new ChartData([], datasets), new ChartOptions
        {
            Locale = culture.Name,
            Animation = false,
            Plugins = new ChartPlugins(
                Legend: new ChartLegend(Display: true, Position: "bottom"),
                CiOverlays: new ChartOverlays { Boxes = boxes, Texts = texts, Arrows = arrows }),
            Scales = new Dictionary<string, ChartScale>
            {
                ["x"] = Axis(antagonismTitle),
                ["y"] = Axis(synergyTitle),
            },
        });
    }
}
