using DataPulse.Client.LoadScenarios;

// Load scenarios for rate-limit pacing and the retry budget, against the sandbox on loopback: each runs with the
// features off, then on, once, and prints its figures. Not a test: nothing here asserts, it measures.
//   dotnet run -c Release --project tests/DataPulse.Client.LoadScenarios -- zoo|window|outage|fleet|all
return args.FirstOrDefault() switch
{
    "window" => await WindowScenario.RunAsync(),
    "outage" => await OutageScenario.RunAsync(),
    "fleet" => await FleetScenario.RunAsync(),
    "zoo" => await ZooScenario.RunAsync(),
    "all" => await ZooScenario.RunAsync() + await WindowScenario.RunAsync() + await OutageScenario.RunAsync() + await FleetScenario.RunAsync(),
    FleetScenario.ChildCommand => await FleetScenario.RunChildAsync(args[1..]),
    FleetScenario.PauseChildCommand => await FleetScenario.RunPauseChildAsync(args[1..]),
    PeerCommand.Name => await PeerCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: DataPulse.Client.LoadScenarios zoo|window|outage|fleet|all");
    return 2;
}
