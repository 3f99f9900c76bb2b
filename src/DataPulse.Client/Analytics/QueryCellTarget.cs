namespace DataPulse.Client.Analytics;

/// <summary>The property types a query row is mapped into straight from its cells, without System.Text.Json reading the row.</summary>
internal enum QueryCellTarget
{
    /// <summary>Any other type: the row goes through System.Text.Json.</summary>
    None,
    String,
    Boolean,
    Int32,
    Int64,
    Decimal,
    Double,
    DateTimeOffset,
    DateOnly,
}
