namespace DataPulse.Client.Testing.Data;

/// <summary>The seeded report templates: each one is a named query over <c>transactions</c>.</summary>
internal static class Templates
{
    private static readonly Dictionary<string, (string FileStem, string Title, string Sql)> All = new(StringComparer.Ordinal)
    {
        ["tmpl_q3_performance"] = ("q3_performance", "Quarterly performance by region",
            "SELECT region, SUM(revenue) AS revenue, COUNT(*) AS orders FROM transactions GROUP BY region ORDER BY revenue DESC"),
        ["tmpl_monthly_revenue"] = ("monthly_revenue", "Revenue by order",
            "SELECT order_date, region, product, quantity, revenue FROM transactions ORDER BY order_date"),
        ["tmpl_refunds"] = ("refunds", "Refunded orders",
            "SELECT transaction_id, order_date, region, customer_id, revenue FROM transactions WHERE is_refund = true"),
    };

    public static IEnumerable<string> Ids => All.Keys;

    public static bool TryGet(string id, out (string FileStem, string Title, string Sql) template) => All.TryGetValue(id, out template);
}
