using System.Text.Encodings.Web;
using System.Text.Unicode;
using Cchc.Contracts;
using Cchc.Messaging;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Grpc;
using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Http;
using Cchc.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Api.Extensions;

public static class ApplicationServiceExtensions
{
    /// <summary>
    /// The read model (PostgreSQL "reportingdb"), the fact consumers and what watches their failures (error queues, status,
    /// health), security (tokens, rules, audit of refusals), gRPC, the error responses and the report catalogue.
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddReportingDatabase();
        // Approvals publish PeriodApproved / PeriodApprovalWithdrawn through the read model's own outbox (docs/adr/0029).
        builder.Services.AddOutboxRelay<ReportingDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<ReportingDbContext>("reportingdb");

        builder.AddCchcMessaging(bus => bus.AddFactConsumers());
        builder.Services.AddConsumeObserver<ConsumeFailureRecorder>();
        builder.Services.AddOptions<ErrorQueueOptions>().BindConfiguration(ErrorQueueOptions.SectionName);
        builder.Services.AddSingleton<ErrorQueues>();
        builder.Services.AddHealthChecks().AddCheck<ErrorQueuesHealthCheck>(ErrorQueuesHealthCheck.Name);

        builder.AddCchcGrpcSecurity<ReportingDbContext>(rules => rules.Service(ReportingService.Descriptor, s => s
            .Read(nameof(ReportingService.ReportingServiceBase.GetAppendix), SecurityScopes.ReportingRead)
            .WriteForProvince<ApprovePeriodRequest>(nameof(ReportingService.ReportingServiceBase.ApprovePeriod), SecurityScopes.ReportingApprove, r => r.Period)
            .WriteForProvince<WithdrawPeriodApprovalRequest>(nameof(ReportingService.ReportingServiceBase.WithdrawPeriodApproval), SecurityScopes.ReportingApprove, r => r.Period)
            .Read(nameof(ReportingService.ReportingServiceBase.ListPeriodApprovals), SecurityScopes.ReportingRead)));
        builder.Services.AddDefaultGrpc(o => o.AddCchcSecurity());
        builder.Services.AddErrorResponses();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddReportCatalog();
        builder.Services.AddScoped<Approvals.ReportApprovals>();
        // Rebuilding the read model from the domain services (Rebuild/, docs/adr/0040).
        builder.Services.AddScoped<Rebuild.Rebuilds>();
        builder.Services.AddOptions<Rebuild.RebuildOptions>().BindConfiguration(Rebuild.RebuildOptions.SectionName);
        builder.Services.AddSingleton<Approvals.ApprovedCells>();
        builder.Services.AddOpenApi(); // /openapi/v1.json (Microsoft.AspNetCore.OpenApi)
        return builder;
    }

    /// <summary>
    /// The read model's Npgsql DbContext, read from ConnectionStrings:reportingdb when first resolved. Also what the
    /// <c>migrate</c> verb (Cchc.ServiceKit) registers, without the bus or the web host.
    /// </summary>
    public static IHostApplicationBuilder AddReportingDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContext<ReportingDbContext>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.ReportingDb)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.ReportingDb} is not configured.")));
        return builder;
    }
}
