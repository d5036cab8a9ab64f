using System.Data.Common;

namespace CustomerInsight.Core.Data;

/// <summary>Named parameters of raw ADO.NET commands (the readers that stream millions of rows without EF's materialisation).</summary>
internal static class DbCommandParameters
{
    /// <summary>Adds a parameter <paramref name="name"/> (<c>@name</c>: both engines read it) of <paramref name="value"/> (null: SQL NULL).</summary>
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
