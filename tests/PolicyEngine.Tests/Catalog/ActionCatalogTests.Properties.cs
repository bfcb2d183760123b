using CsCheck;
using PolicyEngine.Catalog;
using PolicyEngine.Matching;

namespace PolicyEngine.Tests.Catalog;

public sealed partial class ActionCatalogTests
{
    // Uses Default rather than Catalog: the order of static initializers across partial files is not defined.
    private static readonly ActionInfo[] AllActions = [.. ActionCatalog.Default.Expand("*")];

    // A pattern derived from a real action: a random substring replaced by '*', or a random character by '?',
    // in random case.
    private static readonly Gen<(ActionInfo Action, string Pattern)> DerivedPattern =
        from index in Gen.Int[0, AllActions.Length - 1]
        let name = AllActions[index].FullName
        from star in Gen.Bool
        from start in Gen.Int[0, name.Length - 1]
        from length in Gen.Int[0, name.Length - start]
        from upper in Gen.Bool
        let pattern = star
            ? string.Concat(name.AsSpan(0, start), "*", name.AsSpan(start + length))
            : string.Concat(name.AsSpan(0, start), "?", name.AsSpan(start + 1))
        select (AllActions[index], upper ? pattern.ToUpperInvariant() : pattern.ToLowerInvariant());

    [Fact]
    public void Expand_PatternDerivedFromAnAction_ContainsTheActionAndOnlyMatches()
    {
        DerivedPattern.Sample((action, pattern) =>
        {
            // Act
            var expanded = Catalog.Expand(pattern);

            // Assert
            Assert.Contains(action, expanded);
            Assert.All(expanded, a => Assert.True(Wildcard.IsMatch(pattern, a.FullName, ignoreCase: true), $"{a} does not match {pattern}"));
        }, iter: 2_000);
    }

    [Fact]
    public void Expand_PatternDerivedFromAnAction_EqualsAScanOfEveryAction()
    {
        DerivedPattern.Sample((_, pattern) =>
        {
            // Arrange
            var expected = AllActions.Where(a => Wildcard.IsMatch(pattern, a.FullName, ignoreCase: true)).ToHashSet();

            // Act
            var expanded = Catalog.Expand(pattern);

            // Assert
            Assert.True(expected.SetEquals(expanded), $"`{pattern}`: expected {expected.Count}, got {expanded.Length}");
        }, iter: 300);
    }
}
