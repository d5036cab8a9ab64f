using System.Globalization;

namespace CustomerInsight.Core.Importing;

/// <summary>
/// The texts of import problems and skip reasons, in English and French, keyed by stable codes.
/// Reports carry the codes and their arguments; <see cref="ImportIssue.Message"/> is the English text.
/// </summary>
public static class ImportMessages
{
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

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

    // Skip reasons (report "skipped").
    public const string SkipAdjustment = "adjustment";
    public const string SkipZeroOrNegative = "zeroOrNegativeAmount";
    public const string SkipAlreadyImported = "alreadyImported";
    public const string SkipErasedCustomer = "erasedCustomer";

    // Notes (imported, with a remark).
    public const string NoteUnknownOrder = "unknownOrder";

    private static readonly Dictionary<string, (string En, string Fr)> Texts = new()
    {
        [FileEmpty] = ("The file is empty.", "Le fichier est vide."),
        [FileBinary] = ("This is not a CSV text file (its content looks binary). Save it as CSV (UTF-8) or as an Excel .xlsx file.",
            "Ce n'est pas un fichier texte CSV (son contenu semble binaire). Enregistrez-le en CSV (UTF-8) ou en classeur Excel .xlsx."),
        [FileOldExcel] = ("Old Excel files (.xls) are not supported. Save it as .xlsx or as CSV.",
            "Les anciens fichiers Excel (.xls) ne sont pas pris en charge. Enregistrez-le en .xlsx ou en CSV."),
        [FileTooLarge] = ("The spreadsheet is too large once unpacked ({0} MB, limit {1} MB). Save it as CSV and import the CSV.",
            "Le classeur est trop volumineux une fois décompressé ({0} Mo, limite {1} Mo). Enregistrez-le en CSV et importez le CSV."),
        [FileUnreadable] = ("The file could not be read: it is damaged or not of the expected type ({0}).",
            "Le fichier n'a pas pu être lu : il est endommagé ou n'est pas du type attendu ({0})."),
        [FileNoData] = ("The file has a header row but no data rows.", "Le fichier a une ligne d'en-tête mais aucune ligne de données."),
        [FileMixedEncoding] = ("The file changes encoding at this row: the rows above are {0} and this one is {1}. Save the whole file again as CSV UTF-8.",
            "Le fichier change d'encodage à cette ligne : les lignes au-dessus sont en {0} et celle-ci en {1}. Enregistrez à nouveau tout le fichier en CSV UTF-8."),
        [FileSheetMissing] = ("The workbook has no worksheet to read.", "Le classeur n'a aucune feuille à lire."),
        [HeaderMissingColumn] = ("Required column \"{0}\" is missing. Columns found: {1}.",
            "La colonne obligatoire « {0} » est absente. Colonnes trouvées : {1}."),
        [HeaderNoKnownColumn] = ("Row 1 holds none of this format's column names ({0} values found). Row 1 must hold the column names; expected: {1}.",
            "La ligne 1 ne contient aucun nom de colonne de ce format ({0} valeurs trouvées). La ligne 1 doit contenir les noms de colonnes ; attendu : {1}."),
        [HeaderOtherFormat] = ("These columns are those of the {0} format, not of {1}: {2}. Choose the {0} format.",
            "Ces colonnes sont celles du format {0}, pas du format {1} : {2}. Choisissez le format {0}."),
        [HeaderDuplicateColumn] = ("Column \"{0}\" appears more than once in the header.", "La colonne « {0} » apparaît plusieurs fois dans l'en-tête."),
        [HeaderWrongRow] = ("The column names must be in row 1; they seem to be in row {0}. Delete the rows above them.",
            "Les noms de colonnes doivent être en ligne 1 ; ils semblent être en ligne {0}. Supprimez les lignes au-dessus."),
        [HeaderNoScoreColumn] = ("The file needs a RecommendScore or a SatisfactionScore column.",
            "Le fichier doit avoir une colonne RecommendScore ou SatisfactionScore."),
        [RowFieldCount] = ("This row has {0} values but the header has {1} columns (a cut line, or a separator inside a value without quotes?).",
            "Cette ligne a {0} valeurs alors que l'en-tête a {1} colonnes (ligne coupée, ou séparateur dans une valeur sans guillemets ?)."),
        [RowBadQuotes] = ("Quotes are badly placed in this row: a value containing quotes must be enclosed in quotes, with inner quotes doubled.",
            "Les guillemets sont mal placés sur cette ligne : une valeur contenant des guillemets doit être entourée de guillemets, ceux de l'intérieur doublés."),
        [RowTooLong] = ("This row is longer than the limit of {0} MiB: a line break is missing, or a quoted value is never closed.",
            "Cette ligne dépasse la limite de {0} Mio : il manque un saut de ligne, ou une valeur entre guillemets n'est jamais fermée."),
        [ValueRequired] = ("A value is required here.", "Une valeur est obligatoire ici."),
        [ValueInteger] = ("Expected a whole number.", "Nombre entier attendu."),
        [ValueDecimal] = ("Expected a number with at most 3 decimals.", "Nombre avec au plus 3 décimales attendu."),
        [ValueDate] = ("Expected a date such as 2024-03-15 or 2024-03-15 14:30.",
            "Date attendue, par exemple 2024-03-15 ou 2024-03-15 14:30."),
        [ValueDateSemicolon] = ("Expected a date such as 15/03/2024, 15/03/2024 14:30 or 2024-03-15.",
            "Date attendue, par exemple 15/03/2024, 15/03/2024 14:30 ou 2024-03-15."),
        [ValueRange] = ("The value is out of range: expected from {1} to {2}.", "La valeur est hors limites : attendu de {1} à {2}."),
        [ValueOutOfRange] = ("The value is out of range: expected from {0} to {1}.", "La valeur est hors limites : attendu de {0} à {1}."),
        [ValueNegative] = ("The value must not be negative.", "La valeur ne doit pas être négative."),
        [ValueEnum] = ("Unknown value: expected one of {1}.", "Valeur inconnue : attendu l'une de {1}."),
        [ValueNotInList] = ("Unknown value: expected one of {0}.", "Valeur inconnue : attendu l'une de {0}."),
        [ValueTooLong] = ("The value is too long: at most {0} characters.", "La valeur est trop longue : {0} caractères au plus."),
        [ValueControl] = ("The value contains an invisible control character ({0}): remove it.",
            "La valeur contient un caractère de contrôle invisible ({0}) : supprimez-le."),
        [ValueHidden] = ("The value contains a hidden character ({0}: a right-to-left override or a zero-width character) that changes how it reads: remove it.",
            "La valeur contient un caractère caché ({0} : inversion de sens d'écriture ou caractère de largeur nulle) qui change sa lecture : supprimez-le."),
        [CellFormulaWithoutValue] = ("This cell has a formula but no saved result: open the file in Excel and save it again, or paste the values.",
            "Cette cellule contient une formule sans résultat enregistré : ouvrez le fichier dans Excel et enregistrez-le à nouveau, ou collez les valeurs."),
        [CellError] = ("This cell holds an Excel error ({0}).", "Cette cellule contient une erreur Excel ({0})."),
        [CustomerUnknown] = ("Unknown customer: import this customer first (customers file or orders).",
            "Client inconnu : importez d'abord ce client (fichier clients ou commandes)."),
        [OrderCustomerConflict] = ("Order {0} has another customer on an earlier row; one order has one customer.",
            "La commande {0} a un autre client sur une ligne précédente ; une commande a un seul client."),
        [OrderChannelConflict] = ("Order {0} has channel {1} on an earlier row and {2} here; one order has one channel.",
            "La commande {0} a le canal {1} sur une ligne précédente et {2} ici ; une commande a un seul canal."),
        [OrderKindConflict] = ("Order {0} is a {1} on an earlier row and a {2} here; one order has one kind.",
            "La commande {0} est de type {1} sur une ligne précédente et {2} ici ; une commande a un seul type."),
        [OrderCancellationNotNegative] = ("Cancellation {0} totals {1}: a cancellation must have a negative total (negative quantities).",
            "L'annulation {0} totalise {1} : une annulation doit avoir un total négatif (quantités négatives)."),
        [SurveyNoScore] = ("At least one score is required (RecommendScore or SatisfactionScore).",
            "Au moins une note est obligatoire (RecommendScore ou SatisfactionScore)."),
        [SkipAdjustment] = ("Adjustment documents (invoice number starting with A): not orders.",
            "Écritures d'ajustement (facture commençant par A) : ce ne sont pas des commandes."),
        [SkipZeroOrNegative] = ("Documents with a total of 0 or less that are not cancellations (free goods, stock corrections).",
            "Documents de total nul ou négatif qui ne sont pas des annulations (gratuités, corrections de stock)."),
        [SkipAlreadyImported] = ("Already in the database (imported before): left unchanged.", "Déjà en base (importé auparavant) : laissé inchangé."),
        [SkipErasedCustomer] = ("Rows of erased customers: never imported again.", "Lignes de clients effacés : jamais réimportées."),
        [NoteUnknownOrder] = ("Survey responses whose order is not in the database: imported without the order link.",
            "Réponses dont la commande n'est pas en base : importées sans lien vers la commande."),
    };

    /// <summary>The text of a code in French (culture <c>fr…</c>) or English (any other culture).</summary>
    public static string Format(string code, CultureInfo culture, params string[] args)
    {
        if (!Texts.TryGetValue(code, out var text))
        {
            return code;
        }
        var template = culture.TwoLetterISOLanguageName == "fr" ? text.Fr : text.En;
        return string.Format(culture, template, args);
    }
}
