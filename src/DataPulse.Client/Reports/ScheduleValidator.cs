using System.Globalization;

namespace DataPulse.Client.Reports;

/// <summary>
/// The cheap client-side checks on a schedule, before anything is sent: present fields, plausible email addresses, a time
/// zone the system knows, and a cron expression of the right shape (five fields, values in range; not a full parser).
/// </summary>
// Hand-written, not Cronos or NCrontab: the server parses the cron; a shape check that names the bad field is no reason for a new dependency in every app.
internal static class ScheduleValidator
{
    private const int MaxEmailLength = 254;

    private static readonly (string Name, int Min, int Max, string[]? Names)[] CronFields =
    [
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day of month", 1, 31, null),
        ("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    /// <summary>Checks the request and returns the wire body (with the time zone as an IANA id where it converts).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A member is invalid; the message names it.</exception>
    public static ScheduleBody ToBody(ReportScheduleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.TemplateId))
        {
            throw new ArgumentException("TemplateId is required, for example \"tmpl_q3_performance\".", nameof(request));
        }

        if (string.IsNullOrEmpty(request.Format.Value))
        {
            throw new ArgumentException("Format is required, for example ReportFormat.Pdf.", nameof(request));
        }

        if (CheckCron(request.Cron) is { } cronProblem)
        {
            throw new ArgumentException(cronProblem, nameof(request));
        }

        var timeZone = NormalizeTimeZone(request.TimeZone)
            ?? throw new ArgumentException(
                $"TimeZone '{request.TimeZone}' is not a time zone id this system knows; use an IANA id such as \"Europe/Berlin\".", nameof(request));

        if (request.Recipients is null || request.Recipients.Count == 0)
        {
            throw new ArgumentException("Recipients must hold at least one email address.", nameof(request));
        }

        for (var i = 0; i < request.Recipients.Count; i++)
        {
            if (!IsPlausibleEmail(request.Recipients[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Recipients[{i}] ('{request.Recipients[i]}') is not an email address such as \"ops@example.com\"."),
                    nameof(request));
            }
        }

        return new ScheduleBody(request.TemplateId.Trim(), request.Format, NormalizeCron(request.Cron), timeZone, request.Recipients.Select(r => r.Trim()).ToArray());
    }

    /// <summary>A problem with the expression, naming the field; null when it has the right shape.</summary>
    internal static string? CheckCron(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            return "Cron is required: a five-field cron expression such as \"0 6 * * 1\" (minute hour day-of-month month day-of-week).";
        }

        var fields = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != CronFields.Length)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"Cron '{cron}' has {fields.Length} fields; it needs five (minute hour day-of-month month day-of-week), for example \"0 6 * * 1\".");
        }

        for (var i = 0; i < fields.Length; i++)
        {
            var (name, min, max, names) = CronFields[i];
            if (!IsCronField(fields[i], min, max, names))
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"Cron '{cron}': the {name} field '{fields[i]}' is not valid; use *, a number from {min} to {max}, a range (a-b), a list (a,b) or a step (*/n).");
            }
        }

        return null;
    }

    /// <summary>The IANA id for a time zone the system knows; null when it knows none by that id.</summary>
    internal static string? NormalizeTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        id = id.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            return null;
        }

        // Windows ids resolve too (through ICU); the API wants IANA ids, so send the IANA one where it converts. An id that
        // is already IANA goes as given: "UTC" is both, and must not come back as "Etc/UTC".
        return !TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _) && TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana) ? iana : id;
    }

    internal static bool IsPlausibleEmail(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return false;
        }

        address = address.Trim();
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || address.Length > MaxEmailLength)
        {
            return false;
        }

        var domain = address.AsSpan(at + 1);
        var dot = domain.LastIndexOf('.');
        return dot > 0
            && dot < domain.Length - 1
            && !domain.StartsWith(".")
            && !domain.Contains("..", StringComparison.Ordinal)
            && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')');
    }

    private static string NormalizeCron(string cron) => string.Join(' ', cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool IsCronField(string field, int min, int max, string[]? names)
    {
        foreach (var item in field.Split(','))
        {
            var part = item;
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(part.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1 || step > max)
                {
                    return false;
                }

                part = part[..slash];
            }

            if (part == "*")
            {
                continue;
            }

            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash >= 0)
            {
                if (!TryValue(part[..dash], min, max, names, out var from) || !TryValue(part[(dash + 1)..], min, max, names, out var to) || from > to)
                {
                    return false;
                }
            }
            else if (!TryValue(part, min, max, names, out _))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryValue(string text, int min, int max, string[]? names, out int value)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return value >= min && value <= max;
        }

        var index = names is null ? -1 : Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        value = index + min;
        return index >= 0;
    }
}
