namespace Governance.Api.Console;

/// <summary>Matches an address that belongs to the console, not to the JSON API or the operators (<see cref="ConsolePaths.IsApi"/>).</summary>
internal sealed class ConsoleRouteConstraint : IRouteConstraint
{
    /// <summary>The constraint's name in route patterns.</summary>
    public const string Name = "console";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
        => httpContext is null || !ConsolePaths.IsApi(httpContext.Request.Path);
}
