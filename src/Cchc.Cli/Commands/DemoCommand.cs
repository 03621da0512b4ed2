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

        var approverToken = new TokenOptions(defaultClientId: "cchc-approver", clientIdRequired: false);
        var approveHttp = new Option<string>("--http")
        {
            Description = "The gateway's HTTP address (the approvals API).",
            DefaultValueFactory = _ => "http://127.0.0.1:7401",
        };
        var periods = new Option<string>("--periods")
        {
            Description = "Comma-separated periods to approve.",
            DefaultValueFactory = _ => string.Join(',', DemoApprover.DemoPeriods),
        };
        var approve = new Command("approve", "Approve the demo report's periods (2015–2019 by default) as the Department's approver "
            + "(client cchc-approver, scope reporting.approve); a period already approved is left as it is.")
        {
            approveHttp, periods,
        };
        foreach (var option in approverToken.All)
        {
            approve.Options.Add(option);
        }
        approve.SetAction((parse, cancellation) => CommandRunner.RunAsync(error, () =>
            DemoApprover.RunAsync(Addresses.Parse(parse.GetValue(approveHttp), "--http"),
                approverToken.Resolve(parse) ?? throw new InvalidOperationException("demo approve needs the approver's credentials (--client-secret, CCHC_CLIENT_SECRET or --clients-file)."),
                (parse.GetValue(periods) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                output, cancellation)));

        var describe = new Command("describe", "Print the numbers of the generated demo data set without loading anything.");
        describe.SetAction(_ =>
        {
            DemoDescription.Write(DemoDataSet.Create(), output);
            return 0;
        });

        return new Command("demo", "The generated (synthetic) Lai Châu demo data set.") { load, approve, describe };
    }
}
