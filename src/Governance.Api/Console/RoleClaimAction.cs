using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OAuth.Claims;

namespace Governance.Api.Console;

/// <summary>
/// Adds the roles a provider's userinfo answer lists under the role claim (a JSON array, or one string) to those the
/// id_token carried, each role once.
/// </summary>
internal sealed class RoleClaimAction(string roleClaim) : ClaimAction(roleClaim, ClaimValueTypes.String)
{
    /// <inheritdoc />
    public override void Run(JsonElement userData, ClaimsIdentity identity, string issuer)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (userData.ValueKind != JsonValueKind.Object || !userData.TryGetProperty(ClaimType, out var roles))
        {
            return;
        }
        IEnumerable<JsonElement> values = roles.ValueKind == JsonValueKind.Array ? roles.EnumerateArray() : [roles];
        foreach (var value in values)
        {
            // Only text names a role; a number or an object under the claim grants nothing.
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } role && !identity.HasClaim(ClaimType, role))
            {
                identity.AddClaim(new Claim(ClaimType, role, ValueType, issuer));
            }
        }
    }
}
