using System.Runtime.CompilerServices;

namespace PolicyEngine.Evaluation.Variables;

/// <summary>Stack storage for the resolved text of a template's first segments, so each variable is looked up once per match.</summary>
[InlineArray(Capacity)]
internal struct ResolvedValues
{
    /// <summary>How many segments fit; longer templates resolve the rest a second time.</summary>
    public const int Capacity = 8;

    private string _element;
}
