using CustomerInsight.Core.Text;
namespace CustomerInsight.Core.Omoc;

public sealed record PlanActionChangeInfo(DateTime ChangedAtUtc, string ChangedBy, string Field, string? OldValue, string? NewValue);

/// <summary>An action need taken up: owner, due date, status, whether it is late today, and its history (oldest first).</summary>
public sealed record PlanActionInfo(
    int Id,
    PopulationInfo Population,
    OmocAxis Axis,
    string Owner,
    DateOnly DueDate,
    PlanActionStatus Status,
    bool IsLate,
    IReadOnlyList<PlanActionChangeInfo> History);

/// <summary>A line of the plan as work: the action need and, once taken up, its action.</summary>
public sealed record PlanWorkItem(ActionNeed Need, PlanActionInfo? Action);

/// <summary>
/// The project's plan as work: each need of the plan with its action (plan order), and the actions whose
/// need left the plan (the population's latest assessment no longer scores the axis 3 or 4), kept visible.
/// </summary>
public sealed record ProjectPlanWork(IReadOnlyList<PlanWorkItem> Items, IReadOnlyList<PlanActionInfo> Actions)
{
    public IReadOnlyList<PlanActionInfo> Late => Actions.Where(a => a.IsLate).ToList();
}

/// <summary>What the plan action form saves.</summary>
public sealed record PlanActionInput(int PopulationId, OmocAxis Axis, string Owner, DateOnly DueDate, PlanActionStatus Status);

/// <summary>A person added to the map (a population is added by its id).</summary>
public sealed record SociodynamicActorInput(int? PopulationId, string? Name, string? Role);

/// <summary>A dated reading of an actor from observed behaviour.</summary>
public sealed record SociodynamicAssessmentInput(int ActorId, DateOnly Date, int Synergy, int Antagonism, string Justification);

/// <summary>Input rules of the map, the plan actions and the units.</summary>
public static class OmocDepthValidator
{
    public static IReadOnlyList<OmocError> ValidateActor(SociodynamicActorInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<OmocError>();
        if (input.PopulationId is null)
        {
            if (string.IsNullOrWhiteSpace(input.Name))
            {
                errors.Add(new(nameof(input.Name), new("Omoc.ThisFieldIsRequired")));
            }
            else if (input.Name.Trim().Length > OmocValidator.NameMaxLength)
            {
                errors.Add(new(nameof(input.Name), LocalizedText.Of("Omoc.AtMostCharacters", OmocValidator.NameMaxLength)));
            }
        }
        if (input.Role is { Length: > OmocValidator.NameMaxLength })
        {
            errors.Add(new(nameof(input.Role), LocalizedText.Of("Omoc.AtMostCharacters", OmocValidator.NameMaxLength)));
        }
        return errors;
    }

    public static IReadOnlyList<OmocError> ValidateAssessment(SociodynamicAssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<OmocError>();
        if (input.Date == default)
        {
            errors.Add(new(nameof(input.Date), new("Omoc.TheDateIsRequired")));
        }
        if (!SociodynamicScorer.IsValidScore(input.Synergy))
        {
            errors.Add(new(nameof(input.Synergy), new("Omoc.SynergyTheScoreMustBeBetween")));
        }
        if (!SociodynamicScorer.IsValidScore(input.Antagonism))
        {
            errors.Add(new(nameof(input.Antagonism), new("Omoc.AntagonismTheScoreMustBeBetween")));
        }
        if (string.IsNullOrWhiteSpace(input.Justification))
        {
            errors.Add(new(nameof(input.Justification), new("Omoc.DescribeTheObservedBehaviourBehindThese")));
        }
        else if (input.Justification.Length > OmocValidator.TextMaxLength)
        {
            errors.Add(new(nameof(input.Justification), LocalizedText.Of("Omoc.AtMostCharacters", OmocValidator.TextMaxLength)));
        }
        return errors;
    }

    public static IReadOnlyList<OmocError> ValidatePlanAction(PlanActionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<OmocError>();
        if (string.IsNullOrWhiteSpace(input.Owner))
        {
            errors.Add(new(nameof(input.Owner), new("Omoc.ThisFieldIsRequired")));
        }
        else if (input.Owner.Trim().Length > PlanActionRules.OwnerMaxLength)
        {
            errors.Add(new(nameof(input.Owner), LocalizedText.Of("Omoc.AtMostCharacters", PlanActionRules.OwnerMaxLength)));
        }
        if (input.DueDate == default)
        {
            errors.Add(new(nameof(input.DueDate), new("Omoc.TheDateIsRequired")));
        }
        if (!Enum.IsDefined(input.Status))
        {
            errors.Add(new(nameof(input.Status), new("Omoc.UnknownStatus")));
        }
        if (!Enum.IsDefined(input.Axis))
        {
            errors.Add(new(nameof(input.Axis), new("Omoc.UnknownAxis")));
        }
        return errors;
    }
}

/// <summary>The fields of a plan action whose changes its history records.</summary>
public static class PlanActionFields
{
    public const string Owner = "owner";
    public const string DueDate = "due";
    public const string Status = "status";
}
