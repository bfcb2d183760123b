using System.Collections.Immutable;
using Governance.Core.Accounts.Organization;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;
using TestSupport.Paths;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// The demo organisation under <c>policies/demo-org/</c> (its README lists every policy), read once, and the request
/// keys a real request carries there: TLS and an allowed region, as its `region-lock` SCP denies the rest.
/// </summary>
internal static class DemoOrganization
{
    private static readonly Lazy<OrganizationAuthorizer> Authorizer = new(() =>
        new OrganizationAuthorizer(OrganizationSnapshotReader.Read(Path.Combine(RepositoryPaths.Policies, "demo-org")).Snapshot
            ?? throw new InvalidOperationException("the demo organisation does not read")));

    public const string Producer = "777788889999";
    public const string Consumer = "111122223333";
    public const string Contractor = "444455556666";

    public static OrganizationAuthorizer Org => Authorizer.Value;

    public static RequestContext TlsInEuWest1 { get; } = RequestContext.Create([
        KeyValuePair.Create("aws:SecureTransport", ImmutableArray.Create("true")),
        KeyValuePair.Create("aws:RequestedRegion", ImmutableArray.Create("eu-west-1"))]);
}
