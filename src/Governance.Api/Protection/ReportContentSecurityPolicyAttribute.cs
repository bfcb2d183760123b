namespace Governance.Api.Protection;

/// <summary>
/// Marks a console endpoint that answers with a self-contained report document (inline <c>&lt;style&gt;</c>): it is
/// served with <see cref="SecurityHeaders.ContentSecurityPolicy"/>, which allows inline style and the reports' one search
/// script by its hash, and still no other script, no form target and no framing, instead of the console's policy.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class ReportContentSecurityPolicyAttribute : Attribute;
