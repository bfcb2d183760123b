using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Core.Workflow.Requests;

/// <summary>Maps <see cref="AccessRequest"/> and its approvals.</summary>
internal sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> builder)
    {
        builder.ToTable("access_requests");
        builder.HasKey(static r => r.Id);
        builder.Property(static r => r.Id).ValueGeneratedNever();
        builder.Property(static r => r.RequesterId).HasMaxLength(256).IsRequired();
        builder.Property(static r => r.PermissionSet).HasMaxLength(128).IsRequired();
        builder.Property(static r => r.Resources).HasConversion(StringListConverter.Converter, StringListConverter.Comparer).IsRequired();
        builder.Property(static r => r.TargetRoleName).HasMaxLength(128).IsRequired();
        builder.Property(static r => r.TargetRoleArn).HasMaxLength(2048).IsRequired();
        builder.Property(static r => r.Justification).HasMaxLength(4000).IsRequired();
        builder.Property(static r => r.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(static r => r.PolicyDocument).IsRequired();
        builder.Property(static r => r.PreviewJson).IsRequired();
        builder.Property(static r => r.PreviewVersion).HasMaxLength(64);
        builder.Property(static r => r.DecidedBy).HasMaxLength(256);
        builder.Property(static r => r.DecisionComment).HasMaxLength(DecisionComment.MaxLength);
        builder.Property(static r => r.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(static r => new { r.RequesterId, r.CreatedAt });
        builder.HasIndex(static r => new { r.Status, r.CreatedAt });
        builder.OwnsMany(static r => r.Approvals, static a =>
        {
            a.ToTable("request_approvals");
            a.WithOwner().HasForeignKey("RequestId");
            a.Property<int>("Id").ValueGeneratedOnAdd();
            a.HasKey("Id");
            a.Property(static x => x.ApproverId).HasMaxLength(256).IsRequired();
            a.Property(static x => x.Comment).HasMaxLength(DecisionComment.MaxLength);
            a.Property(static x => x.PreviewVersion).HasMaxLength(64);
            a.Ignore(static x => x.Counts);
        });
        builder.Navigation(static r => r.Approvals).HasField("_approvals").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
