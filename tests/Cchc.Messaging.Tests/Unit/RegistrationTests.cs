using MassTransit;
using MassTransit.UsageTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cchc.Messaging.Tests.Unit;

public sealed class RegistrationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Host=localhost;Username=guest")]
    public void AddCchcMessaging_WithoutAnAmqpUri_NamesTheMissingConnectionString(string? connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (connectionString is not null)
        {
            builder.Configuration["ConnectionStrings:messaging"] = connectionString;
        }

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddCchcMessaging());

        Assert.Contains("ConnectionStrings:messaging", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCchcMessaging_TurnsMassTransitUsageTelemetryOff()
    {
        // MassTransit 8.4+ posts the bus configuration to an outside address a few minutes after start unless told not
        // to; a government system talks only to the servers it is configured with. The tracker is what would report.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["ConnectionStrings:messaging"] = "amqp://guest:guest@127.0.0.1:5672/";
        builder.AddCchcMessaging();
        using var host = builder.Build();

        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
        // The tracker reads MASSTRANSIT_USAGE_TELEMETRY too: this is the setting the running process ends up with.
        Assert.False(Assert.IsType<UsageTracker>(host.Services.GetRequiredService<IUsageTracker>()).Enabled);
    }
}
