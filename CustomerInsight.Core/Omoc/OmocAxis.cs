using CustomerInsight.Core.Text;
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
            new("Omoc.Tools"),
            new("Omoc.TheToolsSoftwareAndEquipmentPeople"),
            new("Omoc.ToolsUnchangedOrNearlySo"),
            new("Omoc.EntirelyNewToolsToLearn"),
            new("Omoc.ToolTrainingAndUserSupport")),
        new(OmocAxis.Job,
            new("Omoc.Job"),
            new("Omoc.TheActivitiesSkillsAndKnowHow"),
            new("Omoc.SameActivitiesSameSkills"),
            new("Omoc.JobDeeplyTransformedNewSkillsNeeded"),
            new("Omoc.SkillsTrainingAndNewProcedures")),
        new(OmocAxis.Organisation,
            new("Omoc.Organisation"),
            new("Omoc.RolesProcessesRulesStructureWhoDoes"),
            new("Omoc.RolesAndProcessesUnchanged"),
            new("Omoc.RolesProcessesAndStructureRedesigned"),
            new("Omoc.CommunicationOnRolesAndProcessesManagers")),
        new(OmocAxis.Culture,
            new("Omoc.Culture"),
            new("Omoc.ValuesHabitsBehavioursRelationships"),
            new("Omoc.HabitsAndValuesUnchanged"),
            new("Omoc.ValuesAndBehavioursDeeplyChallenged"),
            new("Omoc.CoachingAmbassadorsCommunicationOnValuesAnd")),
    ];

    public static OmocAxisDescription Describe(OmocAxis axis) =>
        Enum.IsDefined(axis) ? Descriptions[(int)axis] : throw new ArgumentOutOfRangeException(nameof(axis), axis, "Unknown OMOC axis.");
}
