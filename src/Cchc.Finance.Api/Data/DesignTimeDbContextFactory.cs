using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cchc.Finance.Api.Data;

/// <summary>For `dotnet ef migrations add`: builds the model without a database or the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FinanceDbContext>
{
    public FinanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FinanceDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__financedb") ?? "Host=localhost;Database=financedb;Username=postgres")
            .Options);
}
