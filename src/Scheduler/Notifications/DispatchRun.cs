namespace Scheduler.Notifications;

/// <summary>What one pass of <see cref="WebhookDispatcher.RunOnceAsync"/> did.</summary>
/// <param name="Recorded">New events recorded in the outbox.</param>
/// <param name="Delivered">Deliveries the receivers accepted.</param>
/// <param name="Failed">Attempts that failed (to be retried or given up).</param>
public sealed record DispatchRun(int Recorded, int Delivered, int Failed);
