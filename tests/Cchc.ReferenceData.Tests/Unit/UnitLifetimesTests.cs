using Cchc.ReferenceData;
using Cchc.ServiceKit;

namespace Cchc.ReferenceData.Tests.Unit;

public sealed class UnitLifetimesTests
{
    private static readonly DateOnly Rename = new(2020, 1, 1);

    // A commune renamed on 2020-01-01; a commune founded in 2013; a commune merged into another on 2020-02-01.
    private static readonly UnitLifetimes Units = new(
    [
        Period("X1", "2005-01-01", "2019-12-31", "UBND xã Nậm Loỏng"),
        Period("X1", "2020-01-01", null, "UBND phường Nậm Loỏng"),
        Period("X2", "2013-01-02", null, "UBND huyện Nậm Nhùn"),
        Period("X3", "2005-01-01", "2020-01-31", "UBND xã Ma Ly Chải"),
    ]);

    [Fact]
    public void RenamedUnit_IsKnownByItsOldNameBeforeTheRename_AndByItsNewNameFromThen()
    {
        Assert.True(Units.Existed("UBND xã Nậm Loỏng", Rename.AddDays(-1)));
        Assert.False(Units.Existed("UBND xã Nậm Loỏng", Rename));
        Assert.True(Units.Existed("UBND phường Nậm Loỏng", Rename));
        Assert.False(Units.Existed("UBND phường Nậm Loỏng", Rename.AddDays(-1)));
    }

    [Fact]
    public void RenamedUnit_RefusedUnderItsOldName_SaysItsNameThatDay()
    {
        var ex = Assert.Throws<DomainException>(() => Units.EnsureExisted("UBND xã Nậm Loỏng", Rename, "receiving_unit"));
        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        var violation = Assert.Single(ex.Violations);
        Assert.Equal("receiving_unit", violation.Field);
        Assert.Contains("\"UBND xã Nậm Loỏng\"", violation.Description, StringComparison.Ordinal);
        Assert.Contains("2020-01-01", violation.Description, StringComparison.Ordinal);
        Assert.Contains("từ 2005-01-01 đến 2019-12-31", violation.Description, StringComparison.Ordinal);
        Assert.Contains("\"UBND phường Nậm Loỏng\"", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void MergedUnit_IsRefusedAfterItsLastDay_NamingUnitDayAndLifetime()
    {
        Assert.True(Units.Existed("UBND xã Ma Ly Chải", new DateOnly(2020, 1, 31)));
        var ex = Assert.Throws<DomainException>(() => Units.EnsureExisted("UBND xã Ma Ly Chải", new DateOnly(2020, 2, 1), "attributes.issuer_unit"));
        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("attributes.issuer_unit", Assert.Single(ex.Violations).Field);
        Assert.Contains("\"UBND xã Ma Ly Chải\" không tồn tại vào ngày 2020-02-01", ex.Message, StringComparison.Ordinal);
        Assert.Contains("từ 2005-01-01 đến 2020-01-31", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitBeforeItsFounding_IsRefused_WithItsLifetimeToDate()
    {
        Assert.False(Units.Existed("UBND huyện Nậm Nhùn", new DateOnly(2013, 1, 1)));
        Assert.True(Units.Existed("UBND huyện Nậm Nhùn", new DateOnly(2013, 1, 2)));
        var ex = Assert.Throws<DomainException>(() => Units.EnsureExisted("UBND huyện Nậm Nhùn", new DateOnly(2012, 6, 30), "f"));
        Assert.Contains("ngày 2012-06-30", ex.Message, StringComparison.Ordinal);
        Assert.Contains("từ 2013-01-02 đến nay", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownUnit_IsRefused_SayingTheRegisterDoesNotHaveIt()
    {
        var ex = Assert.Throws<DomainException>(() => Units.EnsureExisted("UBND xã Không Có", new DateOnly(2019, 5, 2), "records[3].receiving_unit"));
        Assert.Equal("records[3].receiving_unit", Assert.Single(ex.Violations).Field);
        Assert.Contains("\"UBND xã Không Có\" không tồn tại vào ngày 2019-05-02", ex.Message, StringComparison.Ordinal);
        Assert.Contains("không có trong danh mục đơn vị", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tồn tại từ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_IsAcceptedOnAnyDayOfTheLifetime_WhateverTheName()
    {
        Assert.True(Units.Existed("X1", new DateOnly(2010, 1, 1)));
        Assert.True(Units.Existed("X1", new DateOnly(2025, 1, 1)));
        Assert.False(Units.Existed("X1", new DateOnly(2004, 12, 31)));
        Assert.False(Units.Existed("X3", new DateOnly(2020, 2, 1)));
    }

    [Fact]
    public void Names_AreComparedTrimmedAndInNfc()
    {
        var decomposed = "UBND huyện Nậm Nhùn".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("UBND huyện Nậm Nhùn", decomposed);
        Assert.True(Units.Existed($"  {decomposed} ", new DateOnly(2019, 1, 1)));
    }

    [Fact]
    public void AdjacentPeriodsOfOneName_AreOneLifetime()
    {
        var reparented = new UnitLifetimes(
        [
            Period("Y", "2005-01-01", "2009-12-31", "Sở Tư pháp"),
            Period("Y", "2010-01-01", "2015-12-31", "Sở Tư pháp"),
        ]);
        var ex = Assert.Throws<DomainException>(() => reparented.EnsureExisted("Sở Tư pháp", new DateOnly(2016, 1, 1), "f"));
        Assert.Contains("tồn tại từ 2005-01-01 đến 2015-12-31", ex.Message, StringComparison.Ordinal);
    }

    internal static UnitReferencePeriod Period(string code, string from, string? to, string name) => new()
    {
        UnitCode = code,
        ValidFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        ValidTo = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        Name = name,
    };
}
