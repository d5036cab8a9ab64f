using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Segments;

namespace CustomerInsight.Web.Components.Pages.Segments;

/// <summary>A segmentation being edited: its segments as mutable drafts bound to the editor's fields.</summary>
public sealed class SegmentationDraft
{
    public string? Key { get; init; }
    public int BasedOnVersion { get; init; }
    public string Name { get; set; } = "";
    public List<SegmentDraft> Segments { get; init; } = [];

    public static SegmentationDraft New() => new() { Segments = [SegmentDraft.New()] };

    public static SegmentationDraft From(SegmentationVersionInfo version) => new()
    {
        Key = version.Key,
        BasedOnVersion = version.Number,
        Name = version.Name,
        Segments = version.Definition.Segments.Select(SegmentDraft.From).ToList(),
    };

    public SegmentationDefinition ToDefinition() => new(Segments.Select(s => s.ToDefinition()).ToList());
}

public sealed class SegmentDraft
{
    public string Key { get; init; } = "";
    public string Name { get; set; } = "";
    public RuleMatch Match { get; set; } = RuleMatch.All;
    public List<GroupDraft> Groups { get; init; } = [];

    public static SegmentDraft New() => new() { Groups = [GroupDraft.New()] };

    public static SegmentDraft From(SegmentDefinition segment) => new()
    {
        Key = segment.Key,
        Name = segment.Name,
        Match = segment.Match,
        Groups = segment.Groups.Select(g =>
            new GroupDraft { Match = g.Match, Conditions = g.Conditions.Select(ConditionDraft.From).ToList() }).ToList(),
    };

    public SegmentDefinition ToDefinition() =>
        new(Key, Name, Match, Groups.Select(g => new SegmentRuleGroup(g.Match, g.Conditions.Select(c => c.ToCondition()).ToList())).ToList());
}

public sealed class GroupDraft
{
    public RuleMatch Match { get; set; } = RuleMatch.All;
    public List<ConditionDraft> Conditions { get; init; } = [];

    public static GroupDraft New() => new() { Conditions = [new ConditionDraft()] };
}

public sealed class ConditionDraft
{
    private SegmentField selected = SegmentField.RecencyScore;

    /// <summary>Changing the field resets what no longer fits it: an operator it does not take, a value of another kind.</summary>
    public SegmentField Field
    {
        get => selected;
        set
        {
            if (value == selected)
            {
                return;
            }
            var wasChoice = HasChoices(selected);
            selected = value;
            if (!SegmentationRules.OperatorsOf(value).Contains(Operator))
            {
                Operator = RuleOperator.Equal;
            }
            if (wasChoice || HasChoices(value))
            {
                Value = DefaultValue(value);
            }
        }
    }

    public RuleOperator Operator { get; set; } = RuleOperator.GreaterOrEqual;
    public string Value { get; set; } = "4";

    /// <summary>Channel and consent take their value from a list (a channel, a purpose).</summary>
    public static bool HasChoices(SegmentField field) => field is SegmentField.Channel or SegmentField.Consent;

    public static IReadOnlyList<string> Choices(SegmentField field) => field switch
    {
        SegmentField.Channel => Enum.GetNames<Core.Sales.Channel>(),
        SegmentField.Consent => Enum.GetNames<ConsentPurpose>(),
        _ => [],
    };

    private static string DefaultValue(SegmentField field) => Choices(field) is { Count: > 0 } choices ? choices[0] : "";

    public static ConditionDraft From(SegmentCondition condition)
    {
        var draft = new ConditionDraft();
        draft.selected = condition.Field;
        draft.Operator = condition.Operator;
        draft.Value = condition.Value;
        return draft;
    }

    public SegmentCondition ToCondition() => new(Field, Operator, Value ?? "");
}
