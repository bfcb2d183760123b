using System.Globalization;
using System.Text.RegularExpressions;
using Governance.Core.Results;

namespace Governance.Api.Console.Pages.RequestAccess;

/// <summary>Puts a submission's errors under the request form's inputs: the service names the JSON API's fields.</summary>
internal static partial class SubmissionErrors
{
    /// <summary>The messages by input name, and the error that names no input.</summary>
    public static (IReadOnlyDictionary<string, string> Fields, string? Problem) ByInput(GovernanceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Fields is not { Count: > 0 } fields)
        {
            return (new Dictionary<string, string>(), Sentence(error));
        }
        var byInput = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (field, messages) in fields)
        {
            var (input, prefix) = ResourceLine().Match(field) is { Success: true } line
                ? ("Resources", $"resource {int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture) + 1}: ")
                : (field switch
                {
                    "permissionSet" => "PermissionSet",
                    "resources" => "Resources",
                    "targetRole" => "TargetRole",
                    "justification" => "Justification",
                    "durationHours" => "DurationHours",
                    _ => "",
                }, "");
            if (!byInput.TryGetValue(input, out var list))
            {
                byInput[input] = list = [];
            }
            list.AddRange(messages.Select(m => prefix + m));
        }
        var problem = byInput.Remove("", out var unplaced) ? string.Join("; ", unplaced) : null;
        return (byInput.ToDictionary(static f => f.Key, static f => string.Join("; ", f.Value), StringComparer.Ordinal), problem);
    }

    /// <summary>An error in a sentence, with when to try again for a limit.</summary>
    private static string Sentence(GovernanceError error)
        => error.RetryAfter is { } wait
            ? $"{error.Detail}. Try again in {Math.Ceiling(wait.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minute(s)."
            : error.Detail;

    /// <summary><c>resources[2]</c>: the request's third resource (blank lines left out).</summary>
    [GeneratedRegex(@"^resources\[(\d+)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceLine();
}
