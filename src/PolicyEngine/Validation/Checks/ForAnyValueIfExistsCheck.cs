using PolicyEngine.Diagnostics;
using PolicyEngine.Model;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// <c>ForAnyValue:...IfExists</c>: the <c>IfExists</c> suffix changes nothing, because when the key is absent from the
/// request (or has no values) <c>ForAnyValue</c> is false whatever the suffix.
/// </summary>
/// <remarks>
/// AWS: <c>ForAnyValue</c> returns false "for no matching context key or if the key does not exist"
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html#reference_policies_condition-multi-valued-context-keys).
/// A writer who adds <c>IfExists</c> usually expects the condition to hold when the key is absent, as it would without a
/// set qualifier; the evaluator (<c>CompiledCondition</c>) decides it false, so this is a warning, not an error: AWS
/// accepts the document.
/// </remarks>
internal sealed class ForAnyValueIfExistsCheck : IPolicyCheck
{
    public string Name => "ForAnyValueIfExists";

    public void Check(ValidationContext context)
    {
        foreach (var statement in context.Document.Statements)
        {
            foreach (var clause in statement.Conditions)
            {
                if (clause.Operator is not { Qualifier: SetQualifier.ForAnyValue, IfExists: true })
                {
                    continue;
                }
                context.Report(DiagnosticCodes.IfExistsUnderForAnyValue, Severity.Warning,
                    $"`IfExists` has no effect under `ForAnyValue`: when `{clause.Key}` is absent from the request, `{clause.OperatorName}` is false",
                    clause.Location,
                    "remove `IfExists` (the condition is the same without it); to match when the key is absent, use a separate statement with a `Null` condition");
            }
        }
    }
}
