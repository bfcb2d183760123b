namespace Governance.Core.Telemetry;

/// <summary>Which of the service's questions asked the engine: the <c>governance.question</c> tag of the decision metrics.</summary>
public enum EngineQuestion
{
    /// <summary>Can a principal make this call, or read or write this object (<c>/v1/can-i</c>, the console's Can I page).</summary>
    CanI,

    /// <summary>What a request would add: its access preview, at submission and at each approval.</summary>
    Preview,

    /// <summary>One simulate case (<c>/v1/simulate</c>).</summary>
    Simulate,
}
