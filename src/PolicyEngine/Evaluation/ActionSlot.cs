namespace PolicyEngine.Evaluation;

/// <summary>
/// The statements that can apply to one action (or to any action of one service), Deny before Allow.
/// </summary>
/// <param name="Denies">Deny statements whose action is known to match.</param>
/// <param name="Allows">Allow statements whose action is known to match.</param>
/// <param name="TentativeDenies">Deny statements whose action must be tested.</param>
/// <param name="TentativeAllows">Allow statements whose action must be tested.</param>
internal sealed record ActionSlot(
    CompiledStatement[] Denies,
    CompiledStatement[] Allows,
    TentativeEntry[] TentativeDenies,
    TentativeEntry[] TentativeAllows)
{
    public static ActionSlot Empty { get; } = new([], [], [], []);
}
