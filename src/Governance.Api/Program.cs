var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealthChecks("/health").AllowAnonymous();

app.Run();

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
