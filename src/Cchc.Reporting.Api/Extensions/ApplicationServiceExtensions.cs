using System.Text.Encodings.Web;
using System.Text.Unicode;
using Cchc.Contracts;
using Cchc.Messaging;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Grpc;
using Cchc.Reporting.Api.Reports;
using Cchc.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Api.Extensions;

public static class ApplicationServiceExtensions
{
    /// <summary>The read model (PostgreSQL "reportingdb"), the event consumers, security (tokens, rules, audit of refusals), gRPC and the report catalogue.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ResourceNames.ReportingDb)
            ?? throw new InvalidOperationException($"Connection string '{ResourceNames.ReportingDb}' is missing (ConnectionStrings__{ResourceNames.ReportingDb}).");
        builder.Services.AddDbContext<ReportingDbContext>(options => options.UseNpgsql(connectionString));
        builder.Services.AddHealthChecks().AddDbContextCheck<ReportingDbContext>("reportingdb");

        builder.AddCchcMessaging(bus => bus.AddFactConsumers());

        builder.AddCchcGrpcSecurity<ReportingDbContext>(rules => rules.Service(ReportingService.Descriptor, s => s
            .Read(nameof(ReportingService.ReportingServiceBase.GetAppendix), SecurityScopes.ReportingRead)));
        builder.Services.AddDefaultGrpc(o => o.AddCchcSecurity());
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddReportCatalog();
        return builder;
    }

    /// <summary>Applies the EF Core migrations (creating the database if missing): the <c>migrate</c> command.</summary>
    public static async Task MigrateDatabaseAsync(this IHost app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await db.Database.MigrateAsync();
        app.Services.GetRequiredService<ILogger<ReportingDbContext>>().LogInformation("Reporting database migrated");
    }
}
