using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using PolicyEngine.Diagnostics;
using PolicyEngine.Evaluation;
using PolicyEngine.Evaluation.Conditions;
using PolicyEngine.Evaluation.Variables;
using PolicyEngine.Model;

namespace PolicyEngine.Benchmarks;

/// <summary>One compiled condition per operator family against a realistic request context (about 15 keys).</summary>
[MemoryDiagnoser]
public class ConditionBenchmarks
{
    private RequestContext _context = RequestContext.Empty;
    private CompiledCondition _stringEquals = null!;
    private CompiledCondition _stringLikeVariable = null!;
    private CompiledCondition _stringNotEqualsMany = null!;
    private CompiledCondition _forAllValues = null!;
    private CompiledCondition _bool = null!;
    private CompiledCondition _numeric = null!;
    private CompiledCondition _date = null!;
    private CompiledCondition _notIpAddress = null!;
    private CompiledCondition _ipv6 = null!;
    private CompiledCondition _arnNotLike = null!;
    private CompiledCondition _absentIfExists = null!;
    private PatternTemplate _resource = null!;

    [GlobalSetup]
    public void Setup()
    {
        var single = new Dictionary<string, string>
        {
            ["aws:CurrentTime"] = "2026-01-03T14:05:05Z",
            ["aws:MultiFactorAuthPresent"] = "false",
            ["aws:PrincipalAccount"] = "111122223333",
            ["aws:PrincipalArn"] = "arn:aws:iam::111122223333:role/data-engineer-finance-0000",
            ["aws:PrincipalOrgID"] = "o-a1b2c3d4e5",
            ["aws:PrincipalTag/cost-center"] = "cc-1023",
            ["aws:PrincipalTag/env"] = "prod",
            ["aws:PrincipalTag/team"] = "finance",
            ["aws:PrincipalType"] = "AssumedRole",
            ["aws:RequestedRegion"] = "us-east-1",
            ["aws:SecureTransport"] = "true",
            ["aws:SourceIp"] = "203.0.113.81",
            ["aws:ViaAWSService"] = "false",
            ["s3:prefix"] = "team/finance/2024/",
            ["s3:max-keys"] = "500",
            ["aws:userid"] = "AROAEXAMPLE:alice",
        };
        _context = RequestContext.Create(single.Select(static e => KeyValuePair.Create(e.Key, ImmutableArray.Create(e.Value)))
            .Append(KeyValuePair.Create("aws:TagKeys", ImmutableArray.Create("team", "env"))));

        _stringEquals = Compile("StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5");
        _stringLikeVariable = Compile("StringLike", "s3:prefix", "team/${aws:PrincipalTag/team}/*");
        _stringNotEqualsMany = Compile("StringNotEquals", "aws:RequestedRegion", "eu-west-1", "eu-central-1", "us-west-2", "ap-south-1");
        _forAllValues = Compile("ForAllValues:StringEquals", "aws:TagKeys", "team", "env", "owner", "dataset");
        _bool = Compile("Bool", "aws:SecureTransport", "true");
        _numeric = Compile("NumericLessThanEquals", "s3:max-keys", "1000");
        _date = Compile("DateLessThan", "aws:CurrentTime", "2027-01-01T00:00:00Z");
        _notIpAddress = Compile("NotIpAddress", "aws:SourceIp", "203.0.113.0/24", "198.51.100.0/24");
        _ipv6 = Compile("IpAddress", "aws:SourceIp", "2001:db8::/32", "203.0.113.0/24");
        _arnNotLike = Compile("ArnNotLike", "aws:PrincipalArn", "arn:aws:iam::*:role/admin-*", "arn:aws:iam::*:role/OrganizationAccountAccessRole");
        _absentIfExists = Compile("StringEqualsIfExists", "ec2:InstanceType", "t3.micro");
        _resource = PatternTemplate.Compile("arn:aws:s3:::lake-${aws:PrincipalTag/team}/home/${aws:userid}/*", policyVariables: true);
    }

    [Benchmark]
    public bool StringEquals() => _stringEquals.Evaluate(_context).Matched;

    [Benchmark]
    public bool StringLikeWithVariable() => _stringLikeVariable.Evaluate(_context).Matched;

    [Benchmark]
    public bool StringNotEqualsFourValues() => _stringNotEqualsMany.Evaluate(_context).Matched;

    [Benchmark]
    public bool ForAllValuesStringEquals() => _forAllValues.Evaluate(_context).Matched;

    [Benchmark]
    public bool Bool() => _bool.Evaluate(_context).Matched;

    [Benchmark]
    public bool NumericLessThanEquals() => _numeric.Evaluate(_context).Matched;

    [Benchmark]
    public bool DateLessThanIso() => _date.Evaluate(_context).Matched;

    [Benchmark]
    public bool NotIpAddress() => _notIpAddress.Evaluate(_context).Matched;

    [Benchmark]
    public bool IpAddressMixedFamilies() => _ipv6.Evaluate(_context).Matched;

    [Benchmark]
    public bool ArnNotLike() => _arnNotLike.Evaluate(_context).Matched;

    [Benchmark]
    public bool IfExistsAbsentKey() => _absentIfExists.Evaluate(_context).Matched;

    [Benchmark]
    public bool ResourceTemplateTwoVariables()
        => _resource.IsMatch("arn:aws:s3:::lake-finance/home/AROAEXAMPLE:alice/2024/01/data.parquet", _context, ignoreCase: false, out _);

    private static CompiledCondition Compile(string op, string key, params string[] values)
    {
        var parsed = ConditionOperator.Parse(op).Operator!;
        var clause = new ConditionClause(parsed, op, key, [.. values.Select(static v => new LocatedString(v, SourceLocation.Root))], SourceLocation.Root);
        return CompiledCondition.Compile(clause, policyVariables: true);
    }
}
