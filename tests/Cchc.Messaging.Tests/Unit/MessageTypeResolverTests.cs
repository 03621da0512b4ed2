using Cchc.Contracts.Events.Procedures;

namespace Cchc.Messaging.Tests.Unit;

public sealed class MessageTypeResolverTests
{
    [Fact]
    public void Resolve_AContractTypesFullName_ReturnsThatType()
    {
        var name = MessageTypeResolver.NameOf(typeof(DossiersRecorded));

        Assert.Equal("Cchc.Contracts.Events.Procedures.DossiersRecorded", name);
        Assert.Same(typeof(DossiersRecorded), MessageTypeResolver.Resolve(name));
    }

    [Fact]
    public void Resolve_ATypeDefinedInAnotherLoadedAssembly_FindsItWithoutAnAssemblyName()
    {
        Assert.Same(typeof(Events.FactRecorded), MessageTypeResolver.Resolve("Cchc.Messaging.Tests.Events.FactRecorded"));
    }

    [Fact]
    public void Resolve_AnUnknownName_ReturnsNull()
    {
        Assert.Null(MessageTypeResolver.Resolve("Cchc.Contracts.Events.Procedures.NoSuchEvent"));
    }

    [Fact]
    public void NameOf_ATypeWithoutNamespace_IsRejectedBeforeItReachesTheOutbox()
    {
        var error = Assert.Throws<ArgumentException>(() => MessageTypeResolver.NameOf(typeof(EventWithoutNamespace)));
        Assert.Contains("namespace", error.Message, StringComparison.Ordinal);
    }
}
