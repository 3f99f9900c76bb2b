using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using DataPulse.Client.Testing.Query;

namespace DataPulse.Client.Testing.Reports;

/// <summary>
/// Turns a query result into a file: real CSV (RFC 4180), a one-page PDF listing the rows, and a minimal but valid
/// XLSX workbook. Equal inputs give byte-equal files.
/// </summary>
internal static class ReportRenderer
{
    private static readonly DateTimeOffset FixedTimestamp = new(2025, 1, 15, 8, 30, 0, TimeSpan.Zero);

    public static RenderedReport Render(string fileStem, string title, string format, QueryResultTable table, bool includeCharts)
    {
        var content = format switch
        {
            "csv" => Csv(table),
            "pdf" => Pdf(title, table, includeCharts),
            _ => Xlsx(table),
        };
        return new RenderedReport($"{fileStem}.{format}", ReportFormats.MediaType(format)!, content);
    }

    private static byte[] Csv(QueryResultTable table)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', table.Columns.Select(c => Escape(c.Name)))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.Append(string.Join(',', row.Select(cell => Escape(Text(cell))))).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());

        static string Escape(string value) =>
            value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static byte[] Pdf(string title, QueryResultTable table, bool includeCharts)
    {
        var lines = new List<string> { title, string.Join("  |  ", table.Columns.Select(c => c.Name)) };
        lines.AddRange(table.Rows.Take(40).Select(r => string.Join("  |  ", r.Select(Text))));
        if (includeCharts)
        {
            lines.Add("[chart: " + table.Columns[^1].Name + " by " + table.Columns[0].Name + "]");
        }

        var stream = new StringBuilder("BT /F1 9 Tf 40 800 Td 12 TL\n");
        foreach (var line in lines)
        {
            var escaped = line.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("(", "\\(", StringComparison.Ordinal)
                .Replace(")", "\\)", StringComparison.Ordinal);
            stream.Append('(').Append(escaped).Append(") Tj T*\n");
        }

        stream.Append("ET");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            Invariant($"<< /Length {Encoding.ASCII.GetByteCount(stream.ToString())} >>\nstream\n{stream}\nendstream"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(Invariant($"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(Invariant($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            pdf.Append(Invariant($"{offset:D10} 00000 n \n"));
        }

        pdf.Append(Invariant($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static byte[] Xlsx(QueryResultTable table)
    {
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        AppendRow(sheet, table.Columns.Select(c => (object?)c.Name));
        foreach (var row in table.Rows)
        {
            AppendRow(sheet, row);
        }

        sheet.Append("</sheetData></worksheet>");
        var parts = new (string Path, string Xml)[]
        {
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Report\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", sheet.ToString()),
        };

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, xml) in parts)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTimestamp;
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
        }

        return buffer.ToArray();

        static void AppendRow(StringBuilder sheet, IEnumerable<object?> cells)
        {
            sheet.Append("<row>");
            foreach (var cell in cells)
            {
                _ = cell switch
                {
                    null => sheet.Append("<c/>"),
                    long or decimal => sheet.Append("<c><v>").Append(Text(cell)).Append("</v></c>"),
                    bool b => sheet.Append("<c t=\"b\"><v>").Append(b ? '1' : '0').Append("</v></c>"),
                    _ => sheet.Append("<c t=\"inlineStr\"><is><t>").Append(SecurityElement.Escape(Text(cell))).Append("</t></is></c>"),
                };
            }

            sheet.Append("</row>");
        }
    }

    private static string Text(object? cell) => cell switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
