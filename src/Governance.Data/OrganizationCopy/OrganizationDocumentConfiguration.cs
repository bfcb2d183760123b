using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Core.OrganizationCopy;

/// <summary>Maps <see cref="OrganizationDocument"/>, keyed by its content hash.</summary>
internal sealed class OrganizationDocumentConfiguration : IEntityTypeConfiguration<OrganizationDocument>
{
    public void Configure(EntityTypeBuilder<OrganizationDocument> builder)
    {
        builder.ToTable("organization_documents");
        builder.HasKey(static d => d.Hash);
        builder.Property(static d => d.Hash).HasMaxLength(64).ValueGeneratedNever();
        builder.Property(static d => d.Content).IsRequired();
    }
}
