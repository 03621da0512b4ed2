using System.CommandLine;
using Cchc.Cli.Demo;
using Cchc.Cli.Loading;

namespace Cchc.Cli.Commands;

/// <summary><c>demo load</c> and <c>demo describe</c>: the generated Lai Châu demo data set.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var grpc = new Option<string>("--grpc")
        {
            Description = "The gateway's gRPC address (h2c).",
            DefaultValueFactory = _ => "http://127.0.0.1:7400",
        };
        var http = new Option<string>("--http")
        {
            Description = "The gateway's HTTP address (reporting status).",
            DefaultValueFactory = _ => "http://127.0.0.1:7401",
        };
        var timeout = new Option<int>("--wait-timeout")
        {
            Description = "Seconds to wait for the reporting service to catch up.",
            DefaultValueFactory = _ => 900,
        };
        var batch = new Option<int>("--batch-size")
        {
            Description = "Dossiers per ImportDossiers call.",
            DefaultValueFactory = _ => 50_000,
        };

        var token = new TokenOptions(defaultClientId: "cchc-demo-loader", clientIdRequired: false);

        var load = new Command("load", "Generate the deterministic Lai Châu demo data set (2015 – 31/3/2020) and load it through the public gRPC API; "
            + "then wait until the reporting service has caught up. Running it again changes nothing. Authenticates by client "
            + "credentials (--client-secret, CCHC_CLIENT_SECRET or --clients-file) and sends the token on every call.")
        {
            grpc, http, timeout, batch,
        };
        foreach (var option in token.All)
        {
            load.Options.Add(option);
        }
        load.SetAction((parse, cancellation) => CommandRunner.RunAsync(error, () =>
        {
            var options = new DemoLoadOptions(
                Addresses.Parse(parse.GetValue(grpc), "--grpc"),
                Addresses.Parse(parse.GetValue(http), "--http"),
                TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))),
                Math.Clamp(parse.GetValue(batch), 1, 1_000_000),
                token.Resolve(parse));
            return DemoLoader.RunAsync(options, output, cancellation);
        }));

        var describe = new Command("describe", "Print the numbers of the generated demo data set without loading anything.");
        describe.SetAction(_ =>
        {
            DemoDescription.Write(DemoDataSet.Create(), output);
            return 0;
        });

        return new Command("demo", "The generated (synthetic) Lai Châu demo data set.") { load, describe };
    }
}
