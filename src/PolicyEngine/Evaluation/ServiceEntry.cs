namespace PolicyEngine.Evaluation;

/// <summary>
/// One service prefix of an <see cref="ActionIndex"/>: the statements that name it, and its slots once a request for
/// the service has needed them.
/// </summary>
/// <remarks>
/// Resolving a service tests every name the policies list against every pattern of the service, a few microseconds a
/// service; a principal holding ReadOnlyAccess names over 300 services, of which a request touches one. The slots are
/// therefore built on first use and published with a compare-exchange: two threads racing build equal slots, one wins,
/// and every later request reads them without a lock or an allocation.
/// </remarks>
internal sealed class ServiceEntry(string service, List<CompiledStatement> own)
{
    private ServiceSlots? _slots;

    /// <summary>The service prefix, as the policies write it.</summary>
    public string Service { get; } = service;

    /// <summary>The statements that list actions of this service by its literal prefix, in id order.</summary>
    public List<CompiledStatement> Own { get; } = own;

    /// <summary>The slots, building them on the first call.</summary>
    /// <param name="global">The statements whose Action has a wildcard prefix or is a NotAction, in id order.</param>
    public ServiceSlots Slots(List<CompiledStatement> global)
        => Volatile.Read(ref _slots)
           ?? Interlocked.CompareExchange(ref _slots, ActionIndex.BuildService(Service, Own, global), null)
           ?? _slots!;
}
