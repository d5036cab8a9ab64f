using System.Runtime.InteropServices;
using SQLitePCL;

namespace CustomerInsight.Core.Data;

/// <summary>
/// The native SQLite calls of a many-row read (<see cref="SqlReads.ForEachRowAsync"/>) and of the bulk writer's binds
/// (<see cref="SqliteRowInserter"/>), straight into the library SQLitePCL itself loads (<c>e_sqlite3</c>) with the statement's
/// raw pointer. Through SQLitePCL each call marshals a safe handle (a reference count taken and released) behind an interface
/// call; at 10 M order lines the snapshot's read makes about 20 M of them, the import's binds about 120 M (bench/RESULTS.md).
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

    /// <summary>SQLITE_TRANSIENT: SQLite copies a bound text before the call returns, so its buffer can be reused at once.</summary>
    private static readonly IntPtr Transient = new(-1);

    /// <summary>What an empty text points to (a null pointer would bind NULL).</summary>
    private static readonly byte[] Empty = [0];

    public static int Reset(IntPtr statement) => NativeMethods.sqlite3_reset(statement);

    public static int BindInt64(IntPtr statement, int parameter, long value) => NativeMethods.sqlite3_bind_int64(statement, parameter, value);

    public static int BindNull(IntPtr statement, int parameter) => NativeMethods.sqlite3_bind_null(statement, parameter);

    /// <summary>Binds UTF-8 text (copied by SQLite: <paramref name="utf8"/> may be reused as soon as this returns).</summary>
    public static int BindText(IntPtr statement, int parameter, ReadOnlySpan<byte> utf8) => utf8.IsEmpty
        ? NativeMethods.sqlite3_bind_text(statement, parameter, ref Empty[0], 0, Transient)
        : NativeMethods.sqlite3_bind_text(statement, parameter, ref MemoryMarshal.GetReference(utf8),
            utf8.Length, Transient);

    private static class NativeMethods
    {
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern int sqlite3_reset(IntPtr statement);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern int sqlite3_bind_int64(IntPtr statement, int parameter, long value);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern int sqlite3_bind_null(IntPtr statement, int parameter);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern int sqlite3_bind_text(IntPtr statement, int parameter, ref byte text, int bytes, IntPtr destructor);

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
