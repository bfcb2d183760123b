using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Core.Workflow.Grants;

/// <summary>Maps <see cref="Grant"/>; its window is stored as two columns.</summary>
internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.ToTable("grants");
        builder.HasKey(static g => g.Id);
        builder.Property(static g => g.Id).ValueGeneratedNever();
        builder.Ignore(static g => g.Window);
        builder.Property(static g => g.RequesterId).HasMaxLength(256).IsRequired();
        builder.Property(static g => g.PermissionSet).HasMaxLength(128).IsRequired();
        builder.Property(static g => g.TargetRoleName).HasMaxLength(128).IsRequired();
        builder.Property(static g => g.TargetRoleArn).HasMaxLength(2048).IsRequired();
        builder.Property(static g => g.PolicyName).HasMaxLength(128).IsRequired();
        builder.Property(static g => g.PolicyDocument).IsRequired();
        builder.Property(static g => g.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(static g => g.EndedBy).HasMaxLength(256);
        builder.Property(static g => g.EndComment).HasMaxLength(DecisionComment.MaxLength);
        builder.Property(static g => g.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(static g => g.RequestId).IsUnique();
        builder.HasIndex(static g => new { g.Status, g.EndsAt });
    }
}
