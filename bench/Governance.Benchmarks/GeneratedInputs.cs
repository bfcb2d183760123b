using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Drift;
using Governance.Core.Risk;
using TestSupport.Accounts;

namespace Governance.Benchmarks;

/// <summary>The generated account of N roles (<see cref="GeneratedAccount"/>), read, and the same roles as code, as <c>iamgov</c> reads them.</summary>
internal sealed class GeneratedInputs
{
    /// <summary>The assumed time of every analysis, fixed so runs compare.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private GeneratedInputs(AccountState state, ImmutableArray<RoleDefinition> roles)
    {
        State = state;
        Roles = roles;
    }

    /// <summary>The account.</summary>
    public AccountState State { get; }

    /// <summary>The account's roles as code (the same roles: drift finds nothing but what it analyses).</summary>
    public ImmutableArray<RoleDefinition> Roles { get; }

    /// <summary>The options of a whole-account audit.</summary>
    public static RiskAnalysisOptions Options => new(AsOf);

    public static GeneratedInputs Create(int roles)
    {
        var read = AccountSnapshotReader.Read(GeneratedAccount.Json(roles));
        if (!read.Success)
        {
            throw new InvalidOperationException(string.Join("; ", read.Errors));
        }
        var folder = Directory.CreateTempSubdirectory("iamgov-bench-roles-");
        try
        {
            for (var i = 0; i < roles; i++)
            {
                File.WriteAllText(Path.Combine(folder.FullName, $"role-{i}.json"), GeneratedAccount.RoleDefinition(i, roles));
            }
            var (definitions, errors) = RoleDefinitionLoader.LoadDirectory(folder.FullName);
            if (!errors.IsEmpty)
            {
                throw new InvalidOperationException(string.Join("; ", errors));
            }
            return new GeneratedInputs(new AccountState([read.Snapshot!]), definitions);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
