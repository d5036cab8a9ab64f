namespace CustomerInsight.Core.Omoc;

/// <summary>What happened on a change project's date: one of its workshops, or its go-live.</summary>
public enum ChangeEventKind
{
    Workshop = 0,
    GoLive = 1,
}

/// <summary>A dated event of a change project, drawn on the customer timeline (product.md page 14).</summary>
/// <param name="Title">The workshop's title; the project's name for a go-live.</param>
public sealed record ChangeEvent(DateOnly Date, ChangeEventKind Kind, int ProjectId, string ProjectName, string Title);
