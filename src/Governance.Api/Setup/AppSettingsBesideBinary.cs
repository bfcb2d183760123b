using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Governance.Api.Setup;

/// <summary>Reads the appsettings files shipped beside the binary when the content root has none.</summary>
/// <remarks>
/// <c>dotnet run --project src/Governance.Api</c> runs in the caller's folder, so that the service, the scheduler and
/// <c>iamgov token</c> share its <c>data/</c>; that folder becomes the content root, where no appsettings.json is.
/// Without this, the service would run without its logging levels and log every request, a lock-bound console write
/// that made the can-i load test's tail (docs/load-test.md). The files are added with the lowest precedence, so
/// environment variables and the command line still override them.
/// </remarks>
internal static class AppSettingsBesideBinary
{
    public static void AddAppSettingsBesideBinary(this WebApplicationBuilder builder)
    {
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
        {
            return;
        }
        var binary = new PhysicalFileProvider(AppContext.BaseDirectory);
        var files = new[] { "appsettings.json", $"appsettings.{builder.Environment.EnvironmentName}.json" };
        for (var i = 0; i < files.Length; i++)
        {
            builder.Configuration.Sources.Insert(i, new JsonConfigurationSource { FileProvider = binary, Path = files[i], Optional = true });
        }
    }
}
