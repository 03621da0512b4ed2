using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cchc.Reporting.Api.Data;

/// <summary>Lets dotnet-ef build the model (migrations add) without a database or the web host.</summary>
public sealed class ReportingDbContextFactory : IDesignTimeDbContextFactory<ReportingDbContext>
{
    public ReportingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ReportingDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=reportingdb;Username=postgres")
            .Options);
}
