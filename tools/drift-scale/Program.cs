using System.Globalization;
using TestSupport.Accounts;

// Usage: dotnet run --project tools/drift-scale -c Release -- OUT ROLES
// Writes OUT/account.json (ROLES generated roles) and OUT/policies/roles/*.json (the same roles as code), with the
// deliberate drifts the scale test also makes: every 100th role left out of code (UnmanagedPrincipal), every 100th
// role + 8 with another tag in code (PolicyDrift), and one role only in code (MissingPrincipal).
if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var roles) || roles < 10)
{
    await Console.Error.WriteLineAsync("usage: drift-scale OUT ROLES (ROLES at least 10)");
    return 2;
}
var output = args[0];
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
