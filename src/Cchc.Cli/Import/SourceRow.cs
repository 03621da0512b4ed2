namespace Cchc.Cli.Import;

/// <summary>A data row of the input: its sheet, its row number as Excel shows it (1-based) and its cells.</summary>
internal sealed record SourceRow(SheetTable Table, int RowNumber, object?[] Values)
{
    public string Sheet => Table.Sheet;
}

/// <summary>A problem with one row, on one column (null: the row as a whole), in Vietnamese.</summary>
internal sealed record RowError(string? ColumnKey, string Message);

/// <summary>A unit a row names and the day the service checks it existed on.</summary>
internal sealed record UnitUse(string ColumnKey, string Unit, DateOnly Day);
