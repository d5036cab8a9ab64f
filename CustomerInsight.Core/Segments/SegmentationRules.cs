using System.Globalization;
using System.Text;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Segments;

/// <summary>
/// Why a segmentation was not saved: a code the page words through its .resx, located at a segment, a group and a
/// condition (0-based; null when the error is about the whole segmentation).
/// </summary>
public sealed record SegmentError(string Code, int? Segment = null, int? Group = null, int? Condition = null)
{
    public const string NameRequired = "NameRequired";
    public const string ReasonRequired = "ReasonRequired";
    public const string TooLong = "TooLong";
    public const string NoSegment = "NoSegment";
    public const string SegmentNameRequired = "SegmentNameRequired";
    public const string SegmentNameDuplicate = "SegmentNameDuplicate";
    public const string NoCondition = "NoCondition";
    public const string NumberRequired = "NumberRequired";
    public const string ScoreRange = "ScoreRange";
    public const string OperatorNotAllowed = "OperatorNotAllowed";
    public const string ValueRequired = "ValueRequired";
    public const string UnknownValue = "UnknownValue";
    public const string Conflict = "Conflict";
    public const string Unknown = "Unknown";
}

/// <summary>Checks and keys of segmentations (pure).</summary>
public static class SegmentationRules
{
    public const int MaxNameLength = 80;
    public const int MaxReasonLength = 500;
    public const int MaxSegments = 20;

    /// <summary>Fields compared as numbers (every operator); the others take = and ≠ only.</summary>
    public static bool IsNumeric(SegmentField field) => field is not (SegmentField.Country or SegmentField.Channel or SegmentField.Consent);

    /// <summary>The operators a field takes, in the order the editor lists them.</summary>
    public static IReadOnlyList<RuleOperator> OperatorsOf(SegmentField field) => IsNumeric(field)
        ? [RuleOperator.Equal, RuleOperator.NotEqual, RuleOperator.Less, RuleOperator.LessOrEqual, RuleOperator.Greater, RuleOperator.GreaterOrEqual]
        : [RuleOperator.Equal, RuleOperator.NotEqual];

    /// <summary>Every error of a segmentation about to be saved; empty when it can be saved.</summary>
    public static IReadOnlyList<SegmentError> Validate(string? name, SegmentationDefinition definition, string? reason)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<SegmentError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new SegmentError(SegmentError.NameRequired));
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            errors.Add(new SegmentError(SegmentError.TooLong));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new SegmentError(SegmentError.ReasonRequired));
        }
        else if (reason.Trim().Length > MaxReasonLength)
        {
            errors.Add(new SegmentError(SegmentError.TooLong));
        }
        if (definition.Segments.Count == 0 || definition.Segments.Count > MaxSegments)
        {
            errors.Add(new SegmentError(SegmentError.NoSegment));
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var s = 0; s < definition.Segments.Count; s++)
        {
            var segment = definition.Segments[s];
            if (string.IsNullOrWhiteSpace(segment.Name) || segment.Name.Trim().Length > MaxNameLength)
            {
                errors.Add(new SegmentError(SegmentError.SegmentNameRequired, s));
            }
            else if (!names.Add(segment.Name.Trim()))
            {
                errors.Add(new SegmentError(SegmentError.SegmentNameDuplicate, s));
            }
            if (segment.Groups.Count == 0)
            {
                errors.Add(new SegmentError(SegmentError.NoCondition, s));
            }
            for (var g = 0; g < segment.Groups.Count; g++)
            {
                var group = segment.Groups[g];
                if (group.Conditions.Count == 0)
                {
                    errors.Add(new SegmentError(SegmentError.NoCondition, s, g));
                }
                for (var c = 0; c < group.Conditions.Count; c++)
                {
                    if (CheckCondition(group.Conditions[c]) is { } code)
                    {
                        errors.Add(new SegmentError(code, s, g, c));
                    }
                }
            }
        }
        return errors;
    }

    /// <summary>The error code of one condition, or null when it is valid.</summary>
    public static string? CheckCondition(SegmentCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (!Enum.IsDefined(condition.Field) || !Enum.IsDefined(condition.Operator))
        {
            return SegmentError.Unknown;
        }
        if (!OperatorsOf(condition.Field).Contains(condition.Operator))
        {
            return SegmentError.OperatorNotAllowed;
        }
        if (string.IsNullOrWhiteSpace(condition.Value))
        {
            return SegmentError.ValueRequired;
        }
        switch (condition.Field)
        {
            case SegmentField.Country:
                return null;
            case SegmentField.Channel:
                return Enum.TryParse<Channel>(condition.Value, ignoreCase: true, out var channel) && Enum.IsDefined(channel)
                    && !int.TryParse(condition.Value, out _)
                    ? null : SegmentError.UnknownValue;
            case SegmentField.Consent:
                return Enum.TryParse<ConsentPurpose>(condition.Value, ignoreCase: true, out var purpose) && Enum.IsDefined(purpose)
                    && !int.TryParse(condition.Value, out _)
                    ? null : SegmentError.UnknownValue;
        }
        if (!SegmentationDefinition.TryParseNumber(condition.Value, out var number))
        {
            return SegmentError.NumberRequired;
        }
        return condition.Field is SegmentField.RecencyScore or SegmentField.FrequencyScore or SegmentField.MonetaryScore
            && (number < 1 || number > 5 || number != decimal.Truncate(number))
            ? SegmentError.ScoreRange
            : null;
    }

    /// <summary>
    /// A URL-stable key from a name: lower-case ASCII letters, digits and dashes (accents dropped), at most 40 characters,
    /// made unique among <paramref name="taken"/> by a numeric suffix. "Deux profils" → <c>deux-profils</c>.
    /// </summary>
    public static string KeyFor(string name, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(taken);
        var builder = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(ch);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var key = builder.ToString().Trim('-');
        key = key.Length > 40 ? key[..40].TrimEnd('-') : key;
        key = key.Length == 0 ? "segment" : key;
        var used = taken.ToHashSet(StringComparer.Ordinal);
        if (!used.Contains(key))
        {
            return key;
        }
        for (var i = 2; ; i++)
        {
            var candidate = $"{key}-{i.ToString(CultureInfo.InvariantCulture)}";
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
