using System.Text.Json.Nodes;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Infrastructure.Data;
using Governance.Core.OrganizationCopy;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Console.Approvals;

/// <summary>glue-etl's inline policies in the organisation copy, changed as a refresh from AWS would change them, to make a pending request's preview change.</summary>
internal static class GlueEtlPolicies
{
    public const string Arn = "arn:aws:iam::111122223333:role/service-role/glue-etl";

    /// <summary>A policy that lets glue-etl put its own role policies for good, so that <c>iam-role-admin</c> on it does not add that.</summary>
    public static JsonObject StandingPutRolePolicy => new()
    {
        ["PolicyName"] = "standing-put-role-policy",
        ["PolicyDocument"] = JsonNode.Parse($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PutRolePolicy","Resource":"{{Arn}}"}]}"""),
    };

    /// <summary>Adds <paramref name="policy"/> to glue-etl.</summary>
    public static Task AddAsync(GovernanceApiFactory factory, JsonObject policy) => ChangeAsync(factory, policies => policies.Add(policy));

    /// <summary>Removes glue-etl's policy named <paramref name="name"/>.</summary>
    public static Task RemoveAsync(GovernanceApiFactory factory, string name)
        => ChangeAsync(factory, policies => policies.Remove(policies.Single(p => (string?)p!["PolicyName"] == name)));

    private static async Task ChangeAsync(GovernanceApiFactory factory, Action<JsonArray> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<OrganizationStore>();
        var state = await store.UpdateAccountIamAsync(db, "111122223333", root =>
        {
            change(root["RoleDetailList"]!.AsArray().OfType<JsonObject>().Single(r => (string?)r["Arn"] == Arn)["RolePolicyList"]!.AsArray());
            return true;
        }, "test: glue-etl's policies changed", CancellationToken.None);
        Assert.NotNull(state);
    }
}
