using System.Collections.Immutable;
using PolicyEngine.Analysis;

namespace Governance.Core.Accounts.Questions;

/// <summary>The answer to "what can this principal do?" across an organisation.</summary>
/// <param name="Principal">The principal asked about.</param>
/// <param name="OwnSide">
/// What its own side allows: its identity policies within its boundary and its account's SCPs, on the resource patterns
/// its policies write (or on the one resource asked about, with that resource's policy and owner).
/// </param>
/// <param name="Resources">
/// For each resource the snapshot holds (buckets and their objects, keys, other resource policies, roles' trust) on which
/// it may do anything, what the whole picture allows there; empty when one resource was asked about.
/// </param>
/// <param name="Notes">What the answer was computed from when that limits it.</param>
public sealed record WhatCanAnswer(ResolvedPrincipal Principal, EffectiveAccess OwnSide, ImmutableArray<KnownResourceAccess> Resources, ImmutableArray<string> Notes);
