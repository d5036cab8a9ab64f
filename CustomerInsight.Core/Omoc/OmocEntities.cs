namespace CustomerInsight.Core.Omoc;

/// <summary>A transformation whose impact on each population is assessed in workshops.</summary>
public class ChangeProject
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Sponsor { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly GoLiveDate { get; set; }
    public List<Population> Populations { get; set; } = [];
    public List<Workshop> Workshops { get; set; } = [];
    public List<SociodynamicActor> Actors { get; set; } = [];
}

/// <summary>A job, team or site hit by a change.</summary>
public class Population
{
    public int Id { get; set; }
    public int ChangeProjectId { get; set; }
    public ChangeProject? ChangeProject { get; set; }
    public required string Name { get; set; }
    public int Headcount { get; set; }
    public string? Description { get; set; }

    /// <summary>The shared team or site this population is (at most one).</summary>
    public int? OrganisationUnitId { get; set; }
    public OrganisationUnit? OrganisationUnit { get; set; }
}

public enum WorkshopPhase
{
    BeforeGoLive = 0,
    AfterGoLive = 1,
}

public class Workshop
{
    public int Id { get; set; }
    public int ChangeProjectId { get; set; }
    public ChangeProject? ChangeProject { get; set; }
    public required string Title { get; set; }
    public DateOnly Date { get; set; }
    public string? Facilitator { get; set; }
    public string? Participants { get; set; }
    public WorkshopPhase Phase { get; set; }
    public List<OmocAssessment> Assessments { get; set; } = [];
}

public enum AssessmentStatus
{
    Draft = 0,
    Completed = 1,
}

/// <summary>The scores of one population in one workshop: 1 (weakest) to 4 (strongest) per axis.</summary>
public class OmocAssessment
{
    public int Id { get; set; }
    public int WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }
    public int PopulationId { get; set; }
    public Population? Population { get; set; }

    public int? ToolsScore { get; set; }
    public int? JobScore { get; set; }
    public int? OrganisationScore { get; set; }
    public int? CultureScore { get; set; }

    public string? ToolsJustification { get; set; }
    public string? JobJustification { get; set; }
    public string? OrganisationJustification { get; set; }
    public string? CultureJustification { get; set; }

    public AssessmentStatus Status { get; set; }

    /// <summary>Optimistic concurrency token: bumped on every save.</summary>
    public int Version { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
}
