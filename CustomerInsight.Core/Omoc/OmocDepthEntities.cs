namespace CustomerInsight.Core.Omoc;

/// <summary>A team or site shared by populations of several change projects (metrics.md, change saturation).</summary>
public class OrganisationUnit
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// Someone (or a group) placed on a project's sociodynamic map: one of the project's populations
/// (<see cref="PopulationId"/> set, named after it) or a named key person (<see cref="Name"/>).
/// </summary>
public class SociodynamicActor
{
    public int Id { get; set; }
    public int ChangeProjectId { get; set; }
    public ChangeProject? ChangeProject { get; set; }
    public int? PopulationId { get; set; }
    public Population? Population { get; set; }

    /// <summary>The person's name; null for a population (its name is the population's).</summary>
    public string? Name { get; set; }

    /// <summary>The person's role in the project (sponsor, store manager...).</summary>
    public string? Role { get; set; }

    public List<SociodynamicAssessment> Assessments { get; set; } = [];
}

/// <summary>A dated reading of an actor's synergy and antagonism (1–4 each) from observed behaviour.</summary>
public class SociodynamicAssessment
{
    public int Id { get; set; }
    public int ActorId { get; set; }
    public SociodynamicActor? Actor { get; set; }
    public DateOnly Date { get; set; }
    public int Synergy { get; set; }
    public int Antagonism { get; set; }
    public required string Justification { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string? RecordedBy { get; set; }
}

public enum PlanActionStatus
{
    Planned = 0,
    InProgress = 1,
    Done = 2,
}

/// <summary>An action need of the accompaniment plan (a population and an axis) taken up as work.</summary>
public class PlanAction
{
    public int Id { get; set; }
    public int PopulationId { get; set; }
    public Population? Population { get; set; }
    public OmocAxis Axis { get; set; }
    public required string Owner { get; set; }
    public DateOnly DueDate { get; set; }
    public PlanActionStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public List<PlanActionChange> History { get; set; } = [];
}

/// <summary>One change of a plan action: who, when, which field, old → new (null old value on creation).</summary>
public class PlanActionChange
{
    public int Id { get; set; }
    public int PlanActionId { get; set; }
    public PlanAction? PlanAction { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    public required string ChangedBy { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
