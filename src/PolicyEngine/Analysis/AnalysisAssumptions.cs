using System.Collections.Immutable;
using System.Globalization;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Analysis;

/// <summary>What the analysis assumes about requests: the time they are made, and any condition keys it may take as given.</summary>
/// <remarks>
/// The engine reads no clock, so the time comes from the caller (the CLI passes <c>TimeProvider</c>'s now). With it,
/// <c>aws:CurrentTime</c>, <c>aws:EpochTime</c> and <c>aws:TokenIssueTime</c> are known: a grant that expired in 2020 is
/// denied, not "conditional". Every other key a condition needs makes the grant depend on the request.
/// </remarks>
/// <param name="AsOf">When requests are assumed to be made (and their credentials issued).</param>
/// <param name="Context">Further keys to take as given, such as <c>aws:SourceVpc</c>; they override the derived time keys.</param>
public sealed record AnalysisAssumptions(DateTimeOffset AsOf, RequestContext? Context = null)
{
    /// <summary>The request context these assumptions give every analysed request.</summary>
    public RequestContext ToContext()
    {
        var time = AsOf.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var epoch = AsOf.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var derived = new[]
        {
            KeyValuePair.Create("aws:CurrentTime", ImmutableArray.Create(time)),
            KeyValuePair.Create("aws:TokenIssueTime", ImmutableArray.Create(time)),
            KeyValuePair.Create("aws:EpochTime", ImmutableArray.Create(epoch)),
        };
        return (Context ?? RequestContext.Empty).WithMissing(derived);
    }
}
