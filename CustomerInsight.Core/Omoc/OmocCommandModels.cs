using CustomerInsight.Core.Text;
namespace CustomerInsight.Core.Omoc;

public sealed record ChangeProjectInput(string Name, string? Description, string? Sponsor, DateOnly StartDate, DateOnly GoLiveDate);

/// <summary>A population; <see cref="OrganisationUnit"/> names the shared team or site it is (created when new, none when empty).</summary>
public sealed record PopulationInput(string Name, int Headcount, string? Description, string? OrganisationUnit = null);

public sealed record WorkshopInput(string Title, DateOnly Date, WorkshopPhase Phase, string? Facilitator, string? Participants);

/// <summary>
/// What the scoring form saves for one population in one workshop. <see cref="ExpectedVersion"/> is the
/// version the form loaded: 0 when no assessment existed yet.
/// </summary>
public sealed record AssessmentInput(int WorkshopId, int PopulationId, OmocScores Scores, OmocJustifications Justifications, int ExpectedVersion);

/// <summary>A message for the user, tied to the input field it concerns (empty for the whole form).</summary>
public sealed record OmocError(string Field, LocalizedText Message);

/// <summary>Someone else saved the assessment after it was loaded: who, when, and the version now stored.</summary>
public sealed record AssessmentConflict(string? LastSavedBy, DateTime LastSavedAtUtc, int CurrentVersion, AssessmentStatus CurrentStatus);

public enum OmocOutcome
{
    Succeeded = 0,
    Invalid = 1,
    NotFound = 2,
    Conflict = 3,
    ConfirmationRequired = 4,

    /// <summary>The user may not make this change (checked by the caller, before any command runs).</summary>
    Forbidden = 5,

    /// <summary>The command failed for a reason of its own (logged); nothing was saved.</summary>
    Failed = 6,
}

/// <summary>
/// The result of an OMOC command. On success <see cref="Id"/> is the row's id and, for an assessment,
/// <see cref="Version"/> the new version. Nothing is written unless <see cref="Succeeded"/>.
/// </summary>
public sealed record OmocCommandResult
{
    public required OmocOutcome Outcome { get; init; }
    public int? Id { get; init; }
    public int? Version { get; init; }
    public IReadOnlyList<OmocError> Errors { get; init; } = [];

    /// <summary>Set when <see cref="Outcome"/> is <see cref="OmocOutcome.Conflict"/>.</summary>
    public AssessmentConflict? Conflict { get; init; }

    /// <summary>Set when <see cref="Outcome"/> is <see cref="OmocOutcome.ConfirmationRequired"/>: the assessments a delete would remove.</summary>
    public int AssessmentsToDelete { get; init; }

    public bool Succeeded => Outcome == OmocOutcome.Succeeded;

    public static OmocCommandResult Success(int id, int? version = null) => new() { Outcome = OmocOutcome.Succeeded, Id = id, Version = version };

    public static OmocCommandResult Invalid(IReadOnlyList<OmocError> errors) => new() { Outcome = OmocOutcome.Invalid, Errors = errors };

    public static OmocCommandResult NotFound(LocalizedText message) => new() { Outcome = OmocOutcome.NotFound,
        Errors = [new OmocError("", message)] };

    public static OmocCommandResult ConflictWith(AssessmentConflict conflict) => new()
    {
        Outcome = OmocOutcome.Conflict,
        Conflict = conflict,
        Errors = [new OmocError("", OmocMessages.ConcurrentSave)],
    };

    public static OmocCommandResult Refused() => new() { Outcome = OmocOutcome.Forbidden, Errors = [new OmocError("", OmocMessages.NotAllowed)] };

    /// <summary>The command failed for a reason of its own (logged by the caller): nothing was saved.</summary>
    public static OmocCommandResult Failed() => new() { Outcome = OmocOutcome.Failed, Errors = [new OmocError("", OmocMessages.SaveFailed)] };

    public static OmocCommandResult NeedsConfirmation(int assessments) => new()
    {
        Outcome = OmocOutcome.ConfirmationRequired,
        AssessmentsToDelete = assessments,
        Errors = [new OmocError("", OmocMessages.DeleteAssessmentsConfirmation)],
    };
}

public static class OmocMessages
{
    public static LocalizedText ConcurrentSave { get; } = new("Omoc.SomeoneElseSavedThisAssessmentIn");

    public static LocalizedText DeleteAssessmentsConfirmation { get; } = new("Omoc.AssessmentsHaveAlreadyBeenEnteredConfirm");

    public static LocalizedText NotAllowed { get; } = new("Omoc.YouAreNotAllowedToChange");

    public static LocalizedText SaveFailed { get; } = new("Omoc.SaveFailed");

    public static LocalizedText ProjectNotFound { get; } = new("Omoc.ProjectNotFound");
    public static LocalizedText PopulationNotFound { get; } = new("Omoc.PopulationNotFound");
    public static LocalizedText WorkshopNotFound { get; } = new("Omoc.WorkshopNotFound");
    public static LocalizedText ActorNotFound { get; } = new("Omoc.ActorNotFound");
    public static LocalizedText PlanActionNotFound { get; } = new("Omoc.ActionNotFound");
    public static LocalizedText ActorAlreadyOnMap { get; } = new("Omoc.ThisPopulationIsAlreadyOnThe");
}

/// <summary>Input rules of the OMOC forms; an empty list means valid.</summary>
public static class OmocValidator
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 2000;

    public static IReadOnlyList<OmocError> ValidateProject(ChangeProjectInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<OmocError>();
        RequireName(errors, nameof(input.Name), input.Name);
        MaxLength(errors, nameof(input.Sponsor), input.Sponsor, NameMaxLength);
        MaxLength(errors, nameof(input.Description), input.Description, TextMaxLength);
        RequireDate(errors, nameof(input.StartDate), input.StartDate);
        RequireDate(errors, nameof(input.GoLiveDate), input.GoLiveDate);
        if (input.StartDate != default && input.GoLiveDate != default && input.GoLiveDate < input.StartDate)
        {
            errors.Add(new(nameof(input.GoLiveDate), new("Omoc.TheGoLiveDateCannotBe")));
        }
        return errors;
    }

    public static IReadOnlyList<OmocError> ValidatePopulation(PopulationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<OmocError>();
        RequireName(errors, nameof(input.Name), input.Name);
        MaxLength(errors, nameof(input.Description), input.Description, TextMaxLength);
        MaxLength(errors, nameof(input.OrganisationUnit), input.OrganisationUnit?.Trim(), NameMaxLength);
        if (input.Headcount <= 0)
        {
            errors.Add(new(nameof(input.Headcount), new("Omoc.TheHeadcountMustBeGreaterThan")));
        }
        return errors;
    }

    public static IReadOnlyList<OmocError> ValidateWorkshop(WorkshopInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<OmocError>();
        RequireName(errors, nameof(input.Title), input.Title);
        MaxLength(errors, nameof(input.Facilitator), input.Facilitator, NameMaxLength);
        MaxLength(errors, nameof(input.Participants), input.Participants, TextMaxLength);
        RequireDate(errors, nameof(input.Date), input.Date);
        if (!Enum.IsDefined(input.Phase))
        {
            errors.Add(new(nameof(input.Phase), new("Omoc.UnknownPhase")));
        }
        return errors;
    }

    /// <summary>Scores within 1–4, justifications not too long, and all four scores set to complete.</summary>
    public static IReadOnlyList<OmocError> ValidateAssessment(OmocScores scores, OmocJustifications justifications, AssessmentStatus status)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(justifications);
        var errors = new List<OmocError>();
        foreach (var axis in scores.InvalidAxes)
        {
            errors.Add(new($"Scores.{axis}", LocalizedText.Of("Omoc.AxisScoreBetween1And4", OmocAxes.Describe(axis).Name)));
        }
        foreach (var axis in OmocAxes.All)
        {
            if (justifications[axis] is { Length: > OmocJustifications.MaxLength })
            {
                errors.Add(new($"Justifications.{axis}", LocalizedText.Of("Omoc.AxisJustificationTooLong", OmocAxes.Describe(axis).Name,
                    OmocJustifications.MaxLength)));
            }
        }
        if (!Enum.IsDefined(status))
        {
            errors.Add(new(nameof(AssessmentStatus), new("Omoc.UnknownStatus")));
        }
        else if (status == AssessmentStatus.Completed && !scores.IsComplete)
        {
            var missing = OmocAxes.All.Where(axis => scores[axis] is null).Select(axis => OmocAxes.Describe(axis).Name).ToList();
            errors.Add(new("Scores", LocalizedText.Of("Omoc.ScoreAllFourAxes", missing)));
        }
        return errors;
    }

    private static void RequireName(List<OmocError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, new("Omoc.ThisFieldIsRequired")));
        }
        else
        {
            MaxLength(errors, field, value.Trim(), NameMaxLength);
        }
    }

    private static void MaxLength(List<OmocError> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(new(field, LocalizedText.Of("Omoc.AtMostCharacters", maxLength)));
        }
    }

    private static void RequireDate(List<OmocError> errors, string field, DateOnly value)
    {
        if (value == default)
        {
            errors.Add(new(field, new("Omoc.TheDateIsRequired")));
        }
    }
}
