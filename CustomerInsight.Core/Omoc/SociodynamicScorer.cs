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
        SociodynamicPosition.Passive => new("Passifs", "Passive"),
        SociodynamicPosition.Zealous => new("Zélés", "Zealous"),
        SociodynamicPosition.GoldenTriangle => new("Triangle d'or", "Golden triangle"),
        SociodynamicPosition.Hesitant => new("Hésitants", "Hesitant"),
        SociodynamicPosition.Torn => new("Déchirés", "Torn"),
        SociodynamicPosition.Grumbler => new("Grognons", "Grumblers"),
        SociodynamicPosition.Opponent => new("Opposants", "Opponents"),
        SociodynamicPosition.DieHard => new("Irréductibles", "Die-hards"),
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown position."),
    };

    /// <summary>Who to rely on, who to convince, whom not to spend energy on.</summary>
    public static LocalizedText Advice(SociodynamicPosition position) => position switch
    {
        SociodynamicPosition.Passive => new(
            "La majorité silencieuse : l'entraîner par l'exemple des alliés, des informations simples et des petites étapes ; ne pas la brusquer.",
            "The silent majority: draw them in through the allies' example, plain information and small steps; do not rush them."),
        SociodynamicPosition.Zealous => new(
            "Enthousiastes sans recul : s'appuyer sur leur énergie mais canaliser leur zèle, qui peut braquer les autres ; les faire écouter les critiques.",
            "Enthusiastic but uncritical: use their energy but channel it, their zeal can put others off; have them listen to the critics."),
        SociodynamicPosition.GoldenTriangle => new(
            "Les vrais alliés, engagés et critiques : s'appuyer sur eux en priorité, les associer aux décisions, en faire des relais.",
            "The real allies, committed and critical: rely on them first, involve them in decisions, make them relays."),
        SociodynamicPosition.Hesitant => new(
            "Partagés : les convaincre par le dialogue, répondre à leurs objections, leur montrer des résultats concrets.",
            "Undecided: convince them through dialogue, answer their objections, show them concrete results."),
        SociodynamicPosition.Torn => new(
            "Tiraillés entre le projet et un projet rival : négocier, clarifier ce qui est acquis et ce qui est ouvert, les aider à choisir.",
            "Torn between the project and a rival one: negotiate, make clear what is settled and what is open, help them choose."),
        SociodynamicPosition.Grumbler => new(
            "Critiques sans s'engager : écouter leurs griefs, corriger ce qui est fondé, sans leur consacrer trop d'énergie.",
            "Critical without commitment: hear their grievances, fix what is well-founded, without spending too much energy on them."),
        SociodynamicPosition.Opponent => new(
            "Opposés mais encore dans le dialogue : négocier sur des points précis, garder le contact, s'appuyer sur les alliés pour les isoler du reste.",
            "Opposed but still talking: negotiate on specific points, keep in touch, rely on the allies so they do not sway the others."),
        SociodynamicPosition.DieHard => new(
            "Prêts à la rupture : ne pas y dépenser d'énergie, les tenir informés, traiter leurs actions par le cadre (règles, hiérarchie).",
            "Ready to break off: spend no energy on them, keep them informed, handle their actions through the frame (rules, hierarchy)."),
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown position."),
    };
}
