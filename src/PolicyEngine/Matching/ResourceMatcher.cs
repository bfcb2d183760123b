using PolicyEngine.Evaluation;
using PolicyEngine.Evaluation.Variables;
using PolicyEngine.Model;

namespace PolicyEngine.Matching;

/// <summary>A statement's Resource or NotResource, compiled.</summary>
/// <remarks>
/// ARNs match case-sensitively with <c>*</c> and <c>?</c> over the whole ARN, so a <c>*</c> may run past <c>:</c> and
/// <c>/</c>; policy variables are substituted from the request under Version 2012-10-17. An entry whose variable has no
/// value "will not match any resource", in Resource and NotResource alike, so it excludes nothing from a NotResource
/// statement (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value).
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
/// </remarks>
internal sealed class ResourceMatcher
{
    private readonly string[] _exact;
    private readonly string[] _globs;
    private readonly PatternTemplate[] _templates;
    private readonly bool _any;

    private ResourceMatcher(bool isNot, bool any, string[] exact, string[] globs, PatternTemplate[] templates)
    {
        IsNot = isNot;
        _any = any;
        _exact = exact;
        _globs = globs;
        _templates = templates;
    }

    /// <summary>True for NotResource.</summary>
    public bool IsNot { get; }

    /// <summary>Compiles <paramref name="spec"/>.</summary>
    public static ResourceMatcher Create(ResourceSpec spec, bool policyVariables)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var exact = new List<string>();
        var globs = new List<string>();
        var templates = new List<PatternTemplate>();
        var any = false;
        foreach (var value in spec.Values)
        {
            var text = value.Value;
            if (text == "*")
            {
                any = true;
            }
            else if (policyVariables && text.Contains("${", StringComparison.Ordinal))
            {
                templates.Add(PatternTemplate.Compile(text, policyVariables));
            }
            else if (Wildcard.HasWildcard(text))
            {
                globs.Add(text);
            }
            else
            {
                exact.Add(text);
            }
        }
        return new ResourceMatcher(spec.IsNot, any, [.. exact], [.. globs], [.. templates]);
    }

    /// <summary>Whether the statement covers <paramref name="resource"/>; <paramref name="missingKey"/> names an unresolved variable.</summary>
    public bool Matches(string resource, RequestContext context, out string? missingKey)
    {
        missingKey = null;
        var listed = Listed(resource, context, ref missingKey);
        return IsNot ? !listed : listed;
    }

    private bool Listed(string resource, RequestContext context, ref string? missingKey)
    {
        if (_any)
        {
            return true;
        }
        foreach (var exact in _exact)
        {
            if (string.Equals(exact, resource, StringComparison.Ordinal))
            {
                return true;
            }
        }
        foreach (var glob in _globs)
        {
            if (Wildcard.IsMatch(glob, resource, ignoreCase: false))
            {
                return true;
            }
        }
        foreach (var template in _templates)
        {
            if (template.IsMatch(resource, context, ignoreCase: false, out var missing))
            {
                return true;
            }
            missingKey ??= missing;
        }
        return false;
    }
}
