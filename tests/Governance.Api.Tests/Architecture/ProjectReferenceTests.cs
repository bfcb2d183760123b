using System.Reflection;

namespace Governance.Api.Tests.Architecture;

/// <summary>The API is a host over libraries: it never references another executable, such as the scheduler's worker.</summary>
public sealed class ProjectReferenceTests
{
    [Fact]
    public void Api_ReferencedProjectAssemblies_AreLibraries()
    {
        // Arrange
        var ours = typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(static a => a.Name is { } n && (n.StartsWith("Governance.", StringComparison.Ordinal) || n.StartsWith("Scheduler", StringComparison.Ordinal) || n == "PolicyEngine"))
            .ToArray();

        // Act
        var executables = ours.Select(Assembly.Load).Where(static a => a.EntryPoint is not null).Select(static a => a.GetName().Name).ToArray();

        // Assert
        Assert.Contains(ours, static a => a.Name == "Scheduler");
        Assert.True(executables.Length == 0, $"the API references executables: {string.Join(", ", executables)}");
    }
}
