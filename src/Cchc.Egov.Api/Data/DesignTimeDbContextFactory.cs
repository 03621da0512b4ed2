using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cchc.Egov.Api.Data;

/// <summary>For `dotnet ef migrations add`: builds the model without a database or the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EgovDbContext>
{
    public EgovDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EgovDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__egovdb") ?? "Host=localhost;Database=egovdb;Username=postgres")
            .Options);
}
