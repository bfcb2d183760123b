namespace PolicyEngine.Syntax;

/// <summary>Builds the JSON paths diagnostics show: <c>Statement[2].Condition.StringEquals.aws:PrincipalTag/team</c>.</summary>
internal static class JsonPath
{
    public static string Property(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
