using System.Globalization;
using System.Security;

namespace AwsReplay.Iam;

/// <summary>
/// A tiny in-memory IAM behind a <see cref="ReplayServer"/>: roles and their inline policies, answering GetRole,
/// ListRolePolicies, GetRolePolicy, PutRolePolicy and DeleteRolePolicy in the shapes of the IAM API Reference, with
/// its NoSuchEntity (404) and LimitExceeded (409) errors. Request ids are <c>fake-1</c>, <c>fake-2</c>, … in order.
/// </summary>
/// <remarks>It does not check signatures (the tests do, with the verifier) or the policy grammar.</remarks>
public sealed class FakeIamRoles
{
    private const string Ns = ReplayResponse.IamNamespace;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, string>> _roles = new(StringComparer.Ordinal);
    private readonly List<string> _issued = [];

    /// <summary>Answers <paramref name="server"/>'s requests for the five actions from now on.</summary>
    public FakeIamRoles(ReplayServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Handle(Answer);
    }

    /// <summary>IAM's quota on the total of a role's inline policies, in non-whitespace characters; the fake enforces it as IAM does.</summary>
    public int RoleQuota { get; set; } = 10_240;

    /// <summary>Every request id the fake has answered with, in order.</summary>
    public IReadOnlyList<string> IssuedRequestIds
    {
        get { lock (_gate) return [.. _issued]; }
    }

    /// <summary>Adds a role with these inline policies (name to JSON document).</summary>
    public void AddRole(string roleName, IReadOnlyDictionary<string, string>? policies = null)
    {
        lock (_gate)
            _roles[roleName] = new SortedDictionary<string, string>(policies?.ToDictionary() ?? [], StringComparer.Ordinal);
    }

    /// <summary>The role's inline policies now (name to document), as a copy.</summary>
    public IReadOnlyDictionary<string, string> PoliciesOf(string roleName)
    {
        lock (_gate) return new SortedDictionary<string, string>(_roles[roleName], StringComparer.Ordinal);
    }

    /// <summary>Removes an inline policy as someone working in the console would, outside the service.</summary>
    public void DeleteOutOfBand(string roleName, string policyName)
    {
        lock (_gate) _roles[roleName].Remove(policyName);
    }

    private ReplayResponse? Answer(RecordedRequest request)
    {
        var p = request.Parameters;
        if (request.Action is not ("GetRole" or "ListRolePolicies" or "GetRolePolicy" or "PutRolePolicy" or "DeleteRolePolicy"))
            return null;
        lock (_gate)
        {
            var id = $"fake-{_issued.Count + 1}";
            _issued.Add(id);
            var roleName = p.GetValueOrDefault("RoleName", "");
            if (!_roles.TryGetValue(roleName, out var policies))
                return ReplayResponse.QueryError(404, "NoSuchEntity", $"The role with name {roleName} cannot be found.", id);
            var policyName = p.GetValueOrDefault("PolicyName", "");
            switch (request.Action)
            {
                case "GetRole":
                    return Ok("GetRole", $"<Role><Path>/</Path><RoleName>{E(roleName)}</RoleName><RoleId>AROAFAKE{roleName.Length}</RoleId><Arn>arn:aws:iam::123456789012:role/{E(roleName)}</Arn></Role>", id);
                case "ListRolePolicies":
                    var members = string.Concat(policies.Keys.Select(n => $"<member>{E(n)}</member>"));
                    return Ok("ListRolePolicies", $"<PolicyNames>{members}</PolicyNames><IsTruncated>false</IsTruncated>", id);
                case "GetRolePolicy":
                    return policies.TryGetValue(policyName, out var document)
                        ? Ok("GetRolePolicy", $"<RoleName>{E(roleName)}</RoleName><PolicyName>{E(policyName)}</PolicyName><PolicyDocument>{Uri.EscapeDataString(document)}</PolicyDocument>", id)
                        : ReplayResponse.QueryError(404, "NoSuchEntity", $"The role policy with name {policyName} cannot be found.", id);
                case "PutRolePolicy":
                    var newDocument = p.GetValueOrDefault("PolicyDocument", "");
                    var total = policies.Where(kv => kv.Key != policyName).Sum(kv => Size(kv.Value)) + Size(newDocument);
                    if (total > RoleQuota)
                        return ReplayResponse.QueryError(409, "LimitExceeded", $"Maximum policy size of {RoleQuota.ToString(CultureInfo.InvariantCulture)} bytes exceeded for role {roleName}", id);
                    policies[policyName] = newDocument;
                    return Ok("PutRolePolicy", null, id);
                default:
                    return policies.Remove(policyName)
                        ? Ok("DeleteRolePolicy", null, id)
                        : ReplayResponse.QueryError(404, "NoSuchEntity", $"The role policy with name {policyName} cannot be found.", id);
            }
        }
    }

    private static int Size(string document) => document.Count(c => !char.IsWhiteSpace(c));

    private static string E(string text) => SecurityElement.Escape(text);

    private static ReplayResponse Ok(string action, string? result, string id)
    {
        var body = result is null
            ? $"<{action}Response xmlns=\"{Ns}\"><ResponseMetadata><RequestId>{id}</RequestId></ResponseMetadata></{action}Response>"
            : $"<{action}Response xmlns=\"{Ns}\"><{action}Result>{result}</{action}Result><ResponseMetadata><RequestId>{id}</RequestId></ResponseMetadata></{action}Response>";
        return ReplayResponse.Xml(body, id);
    }
}
