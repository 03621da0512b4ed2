using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cchc.Procedures.Api.Data;

/// <summary>For `dotnet ef migrations add`: builds the model without a database or the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ProceduresDbContext>
{
    public ProceduresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProceduresDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__proceduresdb") ?? "Host=localhost;Database=proceduresdb;Username=postgres")
            .Options);
}
