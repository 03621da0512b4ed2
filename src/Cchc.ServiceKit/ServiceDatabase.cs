using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cchc.ServiceKit;

/// <summary>A service's own PostgreSQL database, registered the same way by the serving process and the `migrate` verb.</summary>
public static class ServiceDatabase
{
    /// <summary>
    /// <typeparamref name="TDbContext"/> on Npgsql, its connection string <c>ConnectionStrings:{connectionName}</c> read
    /// when the context is first resolved (so a test host or the migrate verb can still set it after registration).
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        builder.Services.AddDbContext<TDbContext>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<IConfiguration>().GetConnectionString(connectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.")));
        return builder;
    }
}

/// <summary>
/// For <c>dotnet ef migrations add</c>: builds a service's model without its host, on the database named by
/// <c>ConnectionStrings__{connectionName}</c> (or localhost). A service declares it in one line:
/// <c>internal sealed class DesignTimeDbContextFactory() : ServiceDesignTimeFactory&lt;MyDbContext&gt;(ResourceNames.MyDb);</c>
/// </summary>
public abstract class ServiceDesignTimeFactory<TDbContext>(string connectionName) : IDesignTimeDbContextFactory<TDbContext>
    where TDbContext : DbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{connectionName}")
            ?? $"Host=localhost;Database={connectionName};Username=postgres";
        var options = new DbContextOptionsBuilder<TDbContext>().UseNpgsql(connectionString).Options;
        return (TDbContext)Activator.CreateInstance(typeof(TDbContext), options)!;
    }
}
