using CustomerInsight.Core.Text;
namespace CustomerInsight.Core.Omoc;

/// <summary>The eight positions of the sociodynamic map (metrics.md, after J.-C. Fauvet).</summary>
public enum SociodynamicPosition
{
    Passive = 0,
    Zealous = 1,
    GoldenTriangle = 2,
    Hesitant = 3,
    Torn = 4,
    Grumbler = 5,
    Opponent = 6,
    DieHard = 7,
}

/// <summary>Allies' weight, opponents' (opponents + die-hards) weight and the balance, allies − opponents.</summary>
public sealed record SociodynamicBalance(int AlliesWeight, int OpponentsWeight)
{
    public int Balance => AlliesWeight - OpponentsWeight;
}

/// <summary>The rules of metrics.md "Sociodynamic map": positions, allies, balance, and what to do with each position.</summary>
public static class SociodynamicScorer
{
    public const int MinScore = 1;
    public const int MaxScore = 4;

    public static IReadOnlyList<SociodynamicPosition> AllPositions { get; } = Enum.GetValues<SociodynamicPosition>();

    public static bool IsValidScore(int score) => score is >= MinScore and <= MaxScore;

    /// <summary>The position of a (synergy, antagonism) cell; the table of metrics.md, every one of the 16 cells once.</summary>
    public static SociodynamicPosition Position(int synergy, int antagonism)
    {
        if (!IsValidScore(synergy))
        {
            throw new ArgumentOutOfRangeException(nameof(synergy), synergy, "Synergy is scored 1 to 4.");
        }
        if (!IsValidScore(antagonism))
        {
            throw new ArgumentOutOfRangeException(nameof(antagonism), antagonism, "Antagonism is scored 1 to 4.");
        }
        return (synergy, antagonism) switch
        {
            ( <= 2, <= 2) => SociodynamicPosition.Passive,
            ( >= 3, 1) => SociodynamicPosition.Zealous,
            (3, 2) or (4, 2) or (4, 3) => SociodynamicPosition.GoldenTriangle,
            (3, 3) => SociodynamicPosition.Hesitant,
            ( >= 3, 4) => SociodynamicPosition.Torn,
            ( <= 2, 3) => SociodynamicPosition.Grumbler,
            (2, 4) => SociodynamicPosition.Opponent,
            _ => SociodynamicPosition.DieHard,
        };
    }

    /// <summary>Allies = Zélés + Triangle d'or.</summary>
    public static bool IsAlly(SociodynamicPosition position) =>
        position is SociodynamicPosition.Zealous or SociodynamicPosition.GoldenTriangle;

    /// <summary>The opponents side of the balance: Opposants + Irréductibles.</summary>
    public static bool IsOpponent(SociodynamicPosition position) =>
        position is SociodynamicPosition.Opponent or SociodynamicPosition.DieHard;

    /// <summary>Allies' weight − (opponents + die-hards)' weight, each actor weighing its headcount (1 for a person).</summary>
    public static SociodynamicBalance Balance(IEnumerable<(SociodynamicPosition Position, int Weight)> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        int allies = 0, opponents = 0;
        foreach (var (position, weight) in actors)
        {
            if (IsAlly(position))
            {
                allies += weight;
            }
            else if (IsOpponent(position))
            {
                opponents += weight;
            }
        }
        return new SociodynamicBalance(allies, opponents);
    }

    /// <summary>The cells (synergy, antagonism) of a position, synergy then antagonism ascending.</summary>
    public static IReadOnlyList<(int Synergy, int Antagonism)> Cells(SociodynamicPosition position) =>
        [.. from s in Enumerable.Range(MinScore, MaxScore)
            from a in Enumerable.Range(MinScore, MaxScore)
            where Position(s, a) == position
            select (s, a)];

    public static LocalizedText Name(SociodynamicPosition position) => position switch
    {
        SociodynamicPosition.Passive => new("Omoc.Passive"),
        SociodynamicPosition.Zealous => new("Omoc.Zealous"),
        SociodynamicPosition.GoldenTriangle => new("Omoc.GoldenTriangle"),
        SociodynamicPosition.Hesitant => new("Omoc.Hesitant"),
        SociodynamicPosition.Torn => new("Omoc.Torn"),
        SociodynamicPosition.Grumbler => new("Omoc.Grumblers"),
        SociodynamicPosition.Opponent => new("Omoc.Opponents"),
        SociodynamicPosition.DieHard => new("Omoc.DieHards"),
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown position."),
    };

    /// <summary>Who to rely on, who to convince, whom not to spend energy on.</summary>
    public static LocalizedText Advice(SociodynamicPosition position) => position switch
    {
        SociodynamicPosition.Passive => new("Omoc.TheSilentMajorityDrawThemIn"),
        SociodynamicPosition.Zealous => new("Omoc.EnthusiasticButUncriticalUseTheirEnergy"),
        SociodynamicPosition.GoldenTriangle => new("Omoc.TheRealAlliesCommittedAndCritical"),
        SociodynamicPosition.Hesitant => new("Omoc.UndecidedConvinceThemThroughDialogueAnswer"),
        SociodynamicPosition.Torn => new("Omoc.TornBetweenTheProjectAndA"),
        SociodynamicPosition.Grumbler => new("Omoc.CriticalWithoutCommitmentHearTheirGrievances"),
        SociodynamicPosition.Opponent => new("Omoc.OpposedButStillTalkingNegotiateOn"),
        SociodynamicPosition.DieHard => new("Omoc.ReadyToBreakOffSpendNo"),
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown position."),
    };
}
