using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Core.OrganizationCopy;

/// <summary>Maps <see cref="OrganizationVersion"/>: the version number is the key, assigned by the writer, never generated.</summary>
internal sealed class OrganizationVersionConfiguration : IEntityTypeConfiguration<OrganizationVersion>
{
    public void Configure(EntityTypeBuilder<OrganizationVersion> builder)
    {
        builder.ToTable("organization_versions");
        builder.HasKey(static v => v.Version);
        builder.Property(static v => v.Version).ValueGeneratedNever();
        builder.Property(static v => v.Reason).IsRequired().HasMaxLength(OrganizationStore.MaxReasonLength);
        builder.Property(static v => v.Manifest).IsRequired();
    }
}
