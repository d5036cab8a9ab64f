using System.Runtime.InteropServices;
using SQLitePCL;

namespace CustomerInsight.Core.Data;

/// <summary>
/// The native SQLite calls of a many-row read (<see cref="SqlReads.ForEachRowAsync"/>), straight into the library
/// SQLitePCL itself loads (<c>e_sqlite3</c>) with the statement's raw pointer. Through SQLitePCL each call marshals a safe handle
/// (a reference count taken and released); at 10 M order lines the snapshot's read makes about 20 M of them (bench/RESULTS.md).
/// </summary>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    /// <summary>Whether SQLitePCL runs on <c>e_sqlite3</c>, the library these calls bind to (else its own calls are used).</summary>
    public static bool Available { get; } = raw.GetNativeLibraryName() == Library;

    public static int Step(IntPtr statement) => NativeMethods.sqlite3_step(statement);

    public static long ColumnInt64(IntPtr statement, int column) => NativeMethods.sqlite3_column_int64(statement, column);

    /// <summary>A text column's value (UTF-8 in SQLite) as a string; null for NULL.</summary>
    public static string? ColumnText(IntPtr statement, int column)
    {
        var text = NativeMethods.sqlite3_column_text(statement, column);
        return text == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(text, NativeMethods.sqlite3_column_bytes(statement, column));
    }

    private static class NativeMethods
    {
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern int sqlite3_step(IntPtr statement);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern long sqlite3_column_int64(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern IntPtr sqlite3_column_text(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern int sqlite3_column_bytes(IntPtr statement, int column);
    }
}
