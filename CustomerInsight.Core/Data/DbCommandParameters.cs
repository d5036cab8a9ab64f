using System.Data.Common;

namespace CustomerInsight.Core.Data;

/// <summary>Named parameters of raw ADO.NET commands (the readers that stream millions of rows without EF's materialisation).</summary>
internal static class DbCommandParameters
{
    /// <summary>Adds a parameter <paramref name="name"/> (<c>@name</c>: both engines read it) of <paramref name="value"/> (null: SQL NULL;
    /// an instant as <see cref="DbValue.Of"/> says).</summary>
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = DbValue.Of(value);
        command.Parameters.Add(parameter);
    }
}
