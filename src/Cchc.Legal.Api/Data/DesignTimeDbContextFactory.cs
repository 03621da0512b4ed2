using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cchc.Legal.Api.Data;

/// <summary>For `dotnet ef migrations add`: builds the model without a database or the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LegalDbContext>
{
    public LegalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LegalDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__legaldb") ?? "Host=localhost;Database=legaldb;Username=postgres")
            .Options);
}
