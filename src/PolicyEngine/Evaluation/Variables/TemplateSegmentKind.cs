namespace PolicyEngine.Evaluation.Variables;

/// <summary>What one piece of a <see cref="PatternTemplate"/> is.</summary>
internal enum TemplateSegmentKind
{
    /// <summary>Policy text: under a wildcard template its <c>*</c> and <c>?</c> are wildcards.</summary>
    Literal,

    /// <summary><c>${*}</c>, <c>${?}</c> or <c>${$}</c>: the character itself, never a wildcard.</summary>
    Special,

    /// <summary><c>${key}</c> or <c>${key, 'default'}</c>: the request's value, matched literally.</summary>
    Variable,
}
