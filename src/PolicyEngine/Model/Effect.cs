namespace PolicyEngine.Model;

/// <summary>What a matching statement does.</summary>
public enum Effect
{
    /// <summary>Grants the request, unless something denies it.</summary>
    Allow,

    /// <summary>Refuses the request, whatever else allows it.</summary>
    Deny,
}
