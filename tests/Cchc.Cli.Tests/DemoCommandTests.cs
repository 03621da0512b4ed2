using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Cchc.Cli.Commands;

namespace Cchc.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task DemoLoad_WithAnAddressThatIsNotHttp_FailsWithAMessageNamingTheOption()
    {
        var (exit, _, error) = await RunAsync("demo", "load", "--grpc", "not-an-address");
        Assert.Equal(1, exit);
        Assert.Contains("--grpc", error);
    }

    [Fact]
    public async Task DemoLoad_WhenTheGatewayDoesNotAnswer_FailsWithNonZeroExitAndAMessage()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (exit, output, error) = await RunAsync("demo", "load", "--grpc", $"http://127.0.0.1:{port}", "--http", $"http://127.0.0.1:{port}");
        Assert.Equal(1, exit);
        Assert.Contains("Unavailable", error);
        Assert.Contains("synthetic", output);
    }

    [Fact]
    public async Task DemoDescribe_PrintsTheDataSetsNumbers()
    {
        var (exit, output, _) = await RunAsync("demo", "describe");
        Assert.Equal(0, exit);
        Assert.Contains("resolved late", output);
        Assert.Contains("2020-01-01..2020-03-31", output);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { DemoCommand.Create(output, error) };
        var exit = await root.Parse(args).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }
}
