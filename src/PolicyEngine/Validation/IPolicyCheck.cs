namespace PolicyEngine.Validation;

/// <summary>One named validation rule; <see cref="PolicyValidator"/> runs them in order over a parsed document.</summary>
internal interface IPolicyCheck
{
    /// <summary>A short name for traces and tests, such as <c>ActionName</c>.</summary>
    string Name { get; }

    /// <summary>Reports what the rule finds in <see cref="ValidationContext.Document"/>.</summary>
    void Check(ValidationContext context);
}
