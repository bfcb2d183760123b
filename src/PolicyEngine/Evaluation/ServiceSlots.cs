namespace PolicyEngine.Evaluation;

/// <summary>The slots of one service prefix: resolved ones for the names some statement lists literally, and a tentative one.</summary>
/// <param name="ByName">Resolved slots by the part of the action after <c>:</c>, case-insensitive.</param>
/// <param name="Other">For any other name of the service: the statements whose patterns must be tested.</param>
internal sealed record ServiceSlots(Dictionary<string, ActionSlot> ByName, ActionSlot Other);
