namespace CustomerInsight.Core.Omoc;

/// <summary>The scores of one assessment, 1 (weakest impact) to 4 (strongest); null where not scored yet.</summary>
public sealed record OmocScores(int? Tools, int? Job, int? Organisation, int? Culture)
{
    public const int MinScore = 1;
    public const int MaxScore = 4;

    public static OmocScores Empty { get; } = new(null, null, null, null);

    public int? this[OmocAxis axis] => axis switch
    {
        OmocAxis.Tools => Tools,
        OmocAxis.Job => Job,
        OmocAxis.Organisation => Organisation,
        OmocAxis.Culture => Culture,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "Unknown OMOC axis."),
    };

    /// <summary>The four scores in axis order.</summary>
    public IReadOnlyList<int?> Values => [Tools, Job, Organisation, Culture];

    /// <summary>All four axes scored (whatever the validity of the values).</summary>
    public bool IsComplete => Tools.HasValue && Job.HasValue && Organisation.HasValue && Culture.HasValue;

    /// <summary>Axes whose score is set but outside 1–4.</summary>
    public IReadOnlyList<OmocAxis> InvalidAxes => OmocAxes.All.Where(axis => !IsValidScore(this[axis])).ToList();

    /// <summary>Every set score is within 1–4 (a partial set of scores may be valid).</summary>
    public bool IsValid => OmocAxes.All.All(axis => IsValidScore(this[axis]));

    public static bool IsValidScore(int? score) => score is null or (>= MinScore and <= MaxScore);

    public OmocScores With(OmocAxis axis, int? score) => axis switch
    {
        OmocAxis.Tools => this with { Tools = score },
        OmocAxis.Job => this with { Job = score },
        OmocAxis.Organisation => this with { Organisation = score },
        OmocAxis.Culture => this with { Culture = score },
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "Unknown OMOC axis."),
    };

    public static OmocScores Of(OmocAssessment assessment) =>
        new(assessment.ToolsScore, assessment.JobScore, assessment.OrganisationScore, assessment.CultureScore);
}

/// <summary>The justification written for each axis; null or empty where none.</summary>
public sealed record OmocJustifications(string? Tools, string? Job, string? Organisation, string? Culture)
{
    public const int MaxLength = 2000;

    public static OmocJustifications Empty { get; } = new(null, null, null, null);

    public string? this[OmocAxis axis] => axis switch
    {
        OmocAxis.Tools => Tools,
        OmocAxis.Job => Job,
        OmocAxis.Organisation => Organisation,
        OmocAxis.Culture => Culture,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "Unknown OMOC axis."),
    };

    public OmocJustifications With(OmocAxis axis, string? text) => axis switch
    {
        OmocAxis.Tools => this with { Tools = text },
        OmocAxis.Job => this with { Job = text },
        OmocAxis.Organisation => this with { Organisation = text },
        OmocAxis.Culture => this with { Culture = text },
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "Unknown OMOC axis."),
    };

    public static OmocJustifications Of(OmocAssessment assessment) =>
        new(assessment.ToolsJustification, assessment.JobJustification, assessment.OrganisationJustification, assessment.CultureJustification);
}
