using System.Net;
using System.Net.Sockets;
using Cchc.Contracts;
using Cchc.Testing;

namespace Cchc.ServiceKit.Tests;

/// <summary>The AppHost's services wait for the broker's port before they start (docs/adr/0048-start-up-critical-path.md).</summary>
public sealed class BrokerWaitTests
{
    [Fact]
    public async Task WaitAtStart_ReturnsOnlyOnceTheBrokerPortAccepts_WhenTheSettingAsks()
    {
        var port = FreePort.Next();
        await using var app = SampleServices.Plain.Build(ArgsWithBroker(port, $"--{StartupSettings.WaitForBrokerAtStart}=true"));

        var waiting = BrokerWait.WaitAtStartAsync(app);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted, "nothing listens on the broker's port yet");

        using var broker = new TcpListener(IPAddress.Loopback, port);
        broker.Start();
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task WaitAtStart_WaitsForNothing_WithoutTheSetting()
    {
        await using var app = SampleServices.Plain.Build(ArgsWithBroker(FreePort.Next()));

        // Nothing listens on the port: returning at once is the only way to finish in time.
        await BrokerWait.WaitAtStartAsync(app).WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static string[] ArgsWithBroker(int port, params string[] more) =>
    [
        $"--ConnectionStrings:{SampleServices.Database}=Host=127.0.0.1;Port=1;Database=sample;Username=postgres",
        $"--ConnectionStrings:{ResourceNames.Messaging}=amqp://guest:guest@127.0.0.1:{port}/",
        .. more,
    ];
}
