using System.Collections.Immutable;

namespace Governance.Core.Accounts.Organization;

/// <summary>The errors and warnings of one read, each list bounded so that a file of a million bad items stays cheap.</summary>
internal sealed class ProblemLog(int maxProblems)
{
    private readonly List<OrganizationReadProblem> _errors = [];
    private readonly List<OrganizationReadProblem> _warnings = [];
    private int _moreErrors;
    private int _moreWarnings;

    /// <summary>How many errors were reported, shown or not.</summary>
    public int ErrorCount => _errors.Count + _moreErrors;

    /// <summary>The most problems of each kind kept.</summary>
    public int MaxProblems => maxProblems;

    /// <summary>Collects the problems of one file, to be given their lines at <see cref="FileLog.Flush"/>.</summary>
    public FileLog For(string file) => new(this, file);

    /// <summary>Reports an error with no file, or one whose line is already known.</summary>
    public void Error(OrganizationReadProblem problem) => Add(problem, warning: false);

    /// <summary>Reports a warning with no file, or one whose line is already known.</summary>
    public void Warning(OrganizationReadProblem problem) => Add(problem, warning: true);

    /// <summary>Counts problems a file log dropped past its bound.</summary>
    public void Dropped(int errors, int warnings)
    {
        _moreErrors += errors;
        _moreWarnings += warnings;
    }

    /// <summary>The errors, with a last line counting those not kept.</summary>
    public ImmutableArray<OrganizationReadProblem> Errors => Finish(_errors, _moreErrors, "errors");

    /// <summary>The warnings, with a last line counting those not kept.</summary>
    public ImmutableArray<OrganizationReadProblem> Warnings => Finish(_warnings, _moreWarnings, "warnings");

    private void Add(OrganizationReadProblem problem, bool warning)
    {
        var list = warning ? _warnings : _errors;
        if (list.Count < maxProblems)
        {
            list.Add(problem);
        }
        else if (warning)
        {
            _moreWarnings++;
        }
        else
        {
            _moreErrors++;
        }
    }

    private static ImmutableArray<OrganizationReadProblem> Finish(List<OrganizationReadProblem> list, int more, string what)
        => more == 0 ? [.. list] : [.. list, new OrganizationReadProblem(string.Empty, string.Empty, $"{more} more {what} not shown")];
}
