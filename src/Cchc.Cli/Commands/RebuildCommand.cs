using System.CommandLine;
using Cchc.Cli.Auth;
using Cchc.Cli.Loading;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>rebuild</c>: rebuilds the reporting read model from the domain services (docs/adr/0040) as the reporting operator
/// (client cchc-operator, scope reporting.rebuild) and waits until it is complete, printing each service's progress.
/// </summary>
internal static class RebuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var http = new Option<string>("--http")
        {
            Description = "The gateway's HTTP address (the reporting API).",
            DefaultValueFactory = _ => "http://127.0.0.1:7401",
        };
        var timeout = new Option<int>("--wait-timeout")
        {
            Description = "Seconds to wait for the rebuild to complete.",
            DefaultValueFactory = _ => 1800,
        };
        var token = new TokenOptions(defaultClientId: "cchc-operator", clientIdRequired: false);
        var command = new Command("rebuild", "Rebuild the reporting read model from the domain services: the reporting service empties its fact "
            + "tables, every service re-publishes its current state, and the command waits until the report holds all of it again "
            + "(client cchc-operator, scope reporting.rebuild). Approvals and published reports are kept.")
        {
            http, timeout,
        };
        foreach (var option in token.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(error, () =>
            Rebuilder.RunAsync(Addresses.Parse(parse.GetValue(http), "--http"),
                token.Resolve(parse) ?? throw new CommandFailedException(
                    $"rebuild needs the operator's credentials (--client-secret, {ClientCredentials.SecretVariable} or --clients-file)."),
                TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))), output, cancellation)));
        return command;
    }
}
