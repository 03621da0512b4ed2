using Microsoft.EntityFrameworkCore;

namespace Cchc.Messaging.Tests.Support;

/// <summary>A service's database in miniature: facts (written with their events), effects (a consumer's read model), outbox, inbox.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Fact> Facts => Set<Fact>();
    public DbSet<Effect> Effects => Set<Effect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Fact>(b =>
        {
            b.ToTable("facts");
            b.HasKey(f => f.Id);
            b.Property(f => f.Id).HasColumnName("id");
            b.Property(f => f.Day).HasColumnName("day");
        });
        modelBuilder.Entity<Effect>(b =>
        {
            b.ToTable("effects");
            b.HasKey(e => e.FactId);
            b.Property(e => e.FactId).HasColumnName("fact_id");
            b.Property(e => e.Times).HasColumnName("times");
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
    }
}

public sealed class Fact
{
    public required string Id { get; set; }
    public DateOnly Day { get; set; }
}

/// <summary>How many times a consumer applied the event of a fact: exactly-once effects mean Times == 1.</summary>
public sealed class Effect
{
    public required string FactId { get; set; }
    public int Times { get; set; }
}
