using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace Governance.Api.Contracts;

/// <summary>
/// A 200 JSON response written straight to the response body by one of the shared writers in
/// <c>Governance.Core.Explain</c>, so that the API and <c>iamgov --output json</c> print the same shape from one code path.
/// </summary>
internal sealed class JsonWriterResult(Action<Utf8JsonWriter> write) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using (var json = new Utf8JsonWriter(httpContext.Response.BodyWriter))
        {
            write(json);
        }
        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(JsonElement), ["application/json"]));
    }
}
