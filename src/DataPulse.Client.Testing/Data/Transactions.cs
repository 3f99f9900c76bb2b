using System.Globalization;

namespace DataPulse.Client.Testing.Data;

/// <summary>
/// The one table the sandbox's query engine knows, <c>transactions</c>: 24 orders from Q4 2024 over four regions,
/// computed from the row number, so every run and every machine sees the same rows.
/// </summary>
internal static class Transactions
{
    public const string TableName = "transactions";

    /// <summary>Column names and their contract types, in table order.</summary>
    public static readonly (string Name, string Type)[] Columns =
    [
        ("transaction_id", "string"),
        ("order_date", "date"),
        ("occurred_at", "timestamp"),
        ("region", "string"),
        ("customer_id", "string"),
        ("product", "string"),
        ("quantity", "integer"),
        ("revenue", "number"),
        ("is_refund", "boolean"),
    ];

    /// <summary>The rows; cells are string, long, decimal, bool or null, dates and timestamps as their ISO text.</summary>
    public static readonly IReadOnlyList<object?[]> Rows = Build();

    public static int ColumnIndex(string name) =>
        Array.FindIndex(Columns, c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    private static object?[][] Build()
    {
        string[] regions = ["EMEA", "NA", "APAC", "LATAM"];
        (string Name, decimal UnitPrice)[] products =
            [("Analytics Pro", 1200m), ("Starter", 49m), ("Enterprise Suite", 9800m), ("Data Connectors", 350m)];
        string[] customers = ["cust_92f8a3b1", "cust_1c4e7d20", "cust_5a9b3f66", "cust_0d7e4a19", "cust_7b21c9e4"];
        var firstDay = new DateOnly(2024, 10, 1);

        var rows = new object?[24][];
        for (var i = 0; i < rows.Length; i++)
        {
            var product = products[((i * 5) + 1) % products.Length];
            long quantity = 1 + (i * 7 % 5);
            var discount = (i % 3) * 0.05m;
            var isRefund = i % 11 == 5;
            var revenue = decimal.Round(product.UnitPrice * quantity * (1 - discount), 2) * (isRefund ? -1 : 1);
            var date = firstDay.AddDays(i * 91 / 23);
            var time = new TimeOnly(9 + (i % 8), i * 7 % 60);
            rows[i] =
            [
                FormattableString.Invariant($"txn_{1001 + i}"),
                date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                date.ToDateTime(time).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                regions[((i * 3) + (i / 4)) % regions.Length],
                i % 9 == 4 ? null : customers[i % customers.Length],
                product.Name,
                quantity,
                revenue,
                isRefund,
            ];
        }

        return rows;
    }
}
