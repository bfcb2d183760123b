using PolicyEngine.Evaluation;

namespace PolicyEngine.Tests.Architecture;

/// <summary>Every public type of the engine is sealed, abstract, static or an enum (house style).</summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void PolicyEngine_PublicTypes_AreSealedAbstractStaticOrEnums()
    {
        // Act
        var open = typeof(PolicyCompiler).Assembly.GetExportedTypes()
            .Where(static t => !(t.IsSealed || t.IsAbstract || t.IsEnum || t.IsInterface || t.IsValueType))
            .Select(static t => t.FullName)
            .ToArray();

        // Assert
        Assert.True(open.Length == 0, $"public types that are not sealed: {string.Join(", ", open)}");
    }

    [Fact]
    public void Evaluation_Decision_IsClosedEnumOfThree()
    {
        Assert.Equal(["Allow", "ExplicitDeny", "ImplicitDeny"], Enum.GetNames<Decision>());
    }
}
