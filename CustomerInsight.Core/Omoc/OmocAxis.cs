namespace CustomerInsight.Core.Omoc;

/// <summary>The four OMOC axes, always in this order (Outils, Métier, Organisation, Culture).</summary>
public enum OmocAxis
{
    Tools = 0,
    Job = 1,
    Organisation = 2,
    Culture = 3,
}

/// <summary>What an axis assesses, what its extreme scores mean and what a high score calls for.</summary>
public sealed record OmocAxisDescription(
    OmocAxis Axis,
    LocalizedText Name,
    LocalizedText Assessed,
    LocalizedText ScoreOneMeans,
    LocalizedText ScoreFourMeans,
    LocalizedText RecommendedActions);

public static class OmocAxes
{
    /// <summary>The axes in their fixed display order.</summary>
    public static IReadOnlyList<OmocAxis> All { get; } = [OmocAxis.Tools, OmocAxis.Job, OmocAxis.Organisation, OmocAxis.Culture];

    /// <summary>The descriptions, in axis order: labels of the scoring form and of the charts.</summary>
    public static IReadOnlyList<OmocAxisDescription> Descriptions { get; } =
    [
        new(OmocAxis.Tools,
            new("Outils", "Tools"),
            new("Les outils, logiciels et équipements utilisés", "The tools, software and equipment people use"),
            new("Outils inchangés ou presque", "Tools unchanged or nearly so"),
            new("Outils entièrement nouveaux, à apprendre", "Entirely new tools to learn"),
            new("Formation aux outils et assistance aux utilisateurs", "Tool training and user support")),
        new(OmocAxis.Job,
            new("Métier", "Job"),
            new("Les activités, compétences et savoir-faire du métier", "The activities, skills and know-how of the job"),
            new("Mêmes activités, mêmes compétences", "Same activities, same skills"),
            new("Métier profondément transformé, nouvelles compétences", "Job deeply transformed, new skills needed"),
            new("Formation aux compétences et nouvelles procédures", "Skills training and new procedures")),
        new(OmocAxis.Organisation,
            new("Organisation", "Organisation"),
            new("Rôles, processus, règles, structure : qui fait quoi", "Roles, processes, rules, structure: who does what"),
            new("Rôles et processus inchangés", "Roles and processes unchanged"),
            new("Rôles, processus et structure refondus", "Roles, processes and structure redesigned"),
            new("Communication sur les rôles et les processus, managers relais", "Communication on roles and processes, managers as relays")),
        new(OmocAxis.Culture,
            new("Culture", "Culture"),
            new("Valeurs, habitudes, comportements, relations", "Values, habits, behaviours, relationships"),
            new("Habitudes et valeurs inchangées", "Habits and values unchanged"),
            new("Valeurs et comportements profondément remis en cause", "Values and behaviours deeply challenged"),
            new("Coaching, ambassadeurs, communication sur les valeurs et le sens", "Coaching, ambassadors, communication on values and meaning")),
    ];

    public static OmocAxisDescription Describe(OmocAxis axis) =>
        Enum.IsDefined(axis) ? Descriptions[(int)axis] : throw new ArgumentOutOfRangeException(nameof(axis), axis, "Unknown OMOC axis.");
}
