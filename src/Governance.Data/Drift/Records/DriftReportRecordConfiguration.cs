using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Core.Drift.Records;

/// <summary>Maps <see cref="DriftReportRecord"/>; reports are listed newest first, so <c>RanAt</c> is indexed.</summary>
internal sealed class DriftReportRecordConfiguration : IEntityTypeConfiguration<DriftReportRecord>
{
    public void Configure(EntityTypeBuilder<DriftReportRecord> builder)
    {
        builder.ToTable("drift_reports");
        builder.HasKey(static r => r.Id);
        builder.Property(static r => r.Id).ValueGeneratedNever();
        builder.Property(static r => r.Content).IsRequired();
        builder.HasIndex(static r => r.RanAt);
    }
}
