using System.Globalization;
using DriftScale;
using TestSupport.Accounts;

// Usage: dotnet run --project tools/drift-scale -c Release -- OUT ROLES [--org ACCOUNTS]
// Writes OUT/account.json (ROLES generated roles) and OUT/policies/roles/*.json (the same roles as code), with the
// deliberate drifts the scale test also makes: every 100th role left out of code (UnmanagedPrincipal), every 100th
// role + 8 with another tag in code (PolicyDrift), and one role only in code (MissingPrincipal).
// With --org ACCOUNTS: OUT/org/, an organisation snapshot of ACCOUNTS such accounts (GeneratedOrganization), and
// OUT/policies/roles/ as code for its first member account, without deliberate drifts.
if (args.Length is not (2 or 4) || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var roles) || roles < 10
    || (args.Length == 4 && (args[2] != "--org" || !int.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out _))))
{
    await Console.Error.WriteLineAsync("usage: drift-scale OUT ROLES [--org ACCOUNTS] (ROLES at least 10)");
    return 2;
}
var output = args[0];
if (args.Length == 4)
{
    var accounts = int.Parse(args[3], CultureInfo.InvariantCulture);
    await GeneratedOrganization.WriteAsync(output, accounts, roles);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{output}: org/ with {accounts} accounts of {roles} roles, policies/roles/ for member {GeneratedOrganization.AccountId(Math.Min(1, accounts - 1))}"));
    return 0;
}
var roleFolder = Path.Combine(output, "policies", "roles");
Directory.CreateDirectory(roleFolder);
await File.WriteAllTextAsync(Path.Combine(output, "account.json"), GeneratedAccount.Json(roles));
for (var i = 0; i <= roles; i++)
{
    if (i % 100 == 5)
    {
        continue;
    }
    var definition = GeneratedAccount.RoleDefinition(i, i == roles ? roles + 1 : roles);
    if (i % 100 == 8)
    {
        definition = definition.Replace($"\"team-{i % 7}\"", "\"team-x\"", StringComparison.Ordinal);
    }
    await File.WriteAllTextAsync(Path.Combine(roleFolder, $"role-{i}.json"), definition);
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{output}: account.json with {roles} roles, policies/roles/ with {Directory.GetFiles(roleFolder).Length} roles"));
return 0;
