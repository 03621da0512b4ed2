using Microsoft.Extensions.Hosting;

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
}
