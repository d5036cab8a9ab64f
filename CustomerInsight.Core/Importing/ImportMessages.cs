using CustomerInsight.Core.Text;

namespace CustomerInsight.Core.Importing;

/// <summary>
/// The stable codes of import problems, skip reasons and notes. Reports carry the codes and their arguments; their words
/// in French and English are in the web project's CoreText.resx (<see cref="Text(string, IReadOnlyList{string})"/>).
/// </summary>
public static class ImportMessages
{

    // Codes of rejected rows and files.
    public const string FileEmpty = "file.empty";
    public const string FileBinary = "file.binary";
    public const string FileOldExcel = "file.xls";
    public const string FileTooLarge = "file.tooLarge";
    public const string FileUnreadable = "file.unreadable";
    public const string FileNoData = "file.noData";
    public const string FileMixedEncoding = "file.mixedEncoding";
    public const string FileSheetMissing = "file.sheetMissing";
    public const string HeaderMissingColumn = "header.missingColumn";
    public const string HeaderDuplicateColumn = "header.duplicateColumn";
    public const string HeaderWrongRow = "header.wrongRow";
    public const string HeaderNoScoreColumn = "header.noScoreColumn";
    public const string HeaderNoKnownColumn = "header.noKnownColumn";
    public const string HeaderOtherFormat = "header.otherFormat";
    public const string RowFieldCount = "row.fieldCount";
    public const string RowBadQuotes = "row.badQuotes";
    public const string RowTooLong = "row.tooLong";
    public const string ValueRequired = "value.required";
    public const string ValueInteger = "value.integer";
    public const string ValueDecimal = "value.decimal";
    public const string ValueDate = "value.date";
    public const string ValueDateSemicolon = "value.dateSemicolon";
    /// <summary>Kept for reports stored before values were left out (their first argument is not shown).</summary>
    public const string ValueRange = "value.range";
    public const string ValueOutOfRange = "value.outOfRange";
    public const string ValueNegative = "value.negative";
    /// <summary>Kept for reports stored before values were left out (their first argument is not shown).</summary>
    public const string ValueEnum = "value.enum";
    public const string ValueNotInList = "value.notInList";
    public const string ValueTooLong = "value.tooLong";
    public const string ValueControl = "value.control";
    public const string ValueHidden = "value.hidden";
    public const string CellFormulaWithoutValue = "cell.formulaWithoutValue";
    public const string CellError = "cell.error";
    public const string CustomerUnknown = "customer.unknown";
    public const string OrderCustomerConflict = "order.customerConflict";
    public const string OrderChannelConflict = "order.channelConflict";
    public const string OrderKindConflict = "order.kindConflict";
    public const string OrderCancellationNotNegative = "order.cancellationNotNegative";
    public const string SurveyNoScore = "survey.noScore";
    public const string CurrencyMismatch = "currency.mismatch";

    // Skip reasons (report "skipped").
    public const string SkipAdjustment = "adjustment";
    public const string SkipZeroOrNegative = "zeroOrNegativeAmount";
    public const string SkipAlreadyImported = "alreadyImported";
    public const string SkipErasedCustomer = "erasedCustomer";

    // Notes (imported, with a remark).
    public const string NoteUnknownOrder = "unknownOrder";

    /// <summary>The text of an import code and its arguments, resolved by the web project (CoreText.resx, keys <c>Import.</c> + code).</summary>
    public static LocalizedText Text(string code, IReadOnlyList<string> args) => new(TextPrefix + code, [.. args]);

    /// <summary>The text of a skip reason or note code (no arguments).</summary>
    public static LocalizedText Text(string code) => new(TextPrefix + code);

    private const string TextPrefix = "Import.";
}
