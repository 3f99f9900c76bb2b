using System.Text.RegularExpressions;
using DataPulse.Client.Testing.Resources;

namespace DataPulse.Client.Testing.Routing;

/// <summary>The route table: every operation of the contract, one resource file each.</summary>
internal static class Router
{
    // Schedules come before "/v1/reports/{id}" so that "schedules" is never read as a report id.
    private static readonly Route[] Routes =
    [
        .. AnalyticsRoutes.Routes,
        .. CustomersRoutes.Routes,
        .. PredictionsRoutes.Routes,
        .. SchedulesRoutes.Routes,
        .. ReportsRoutes.Routes,
    ];

    /// <summary>Finds the route for a method and an encoded path. <paramref name="pathKnown"/> tells 405 from 404.</summary>
    public static (Route? Route, Match? Match) Find(string method, string rawPath, out bool pathKnown)
    {
        pathKnown = false;
        foreach (var route in Routes)
        {
            var match = route.Pattern.Match(rawPath);
            if (!match.Success)
            {
                continue;
            }

            pathKnown = true;
            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return (route, match);
            }
        }

        return (null, null);
    }
}
