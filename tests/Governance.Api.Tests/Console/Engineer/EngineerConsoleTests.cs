using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Console.Engineer;

/// <summary>
/// The engineer's pages (Can I, request access, my requests, my grants) through forms, as a browser without JavaScript
/// uses them, against the embedded demo organisation (policies/demo-org, described in its README).
/// </summary>
public abstract partial class EngineerConsoleTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture)
    where TFixture : ApiFixture
{
    private const string DataEngineer = "arn:aws:iam::111122223333:role/data-engineer";

    private static string Id(JsonElement request) => request.GetProperty("id").GetString()!;

    private static async Task<ConsolePage> AskAsync(ConsoleClient console, IReadOnlyDictionary<string, string> fields)
    {
        var home = await console.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        return await home.SubmitAsync("form#can-i", fields);
    }
}

/// <summary><see cref="EngineerConsoleTests{TFixture}"/> on SQLite.</summary>
public sealed class EngineerConsoleTests_Sqlite(SqliteApiFixture fixture)
    : EngineerConsoleTests<SqliteApiFixture>(fixture), IClassFixture<SqliteApiFixture>;

/// <summary><see cref="EngineerConsoleTests{TFixture}"/> on PostgreSQL.</summary>
public sealed class EngineerConsoleTests_Postgres(PostgresApiFixture fixture)
    : EngineerConsoleTests<PostgresApiFixture>(fixture), IClassFixture<PostgresApiFixture>;
