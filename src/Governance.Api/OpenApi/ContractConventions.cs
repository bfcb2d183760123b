namespace Governance.Api.OpenApi;

/// <summary>
/// Declares, beside an endpoint's mapping, what the document cannot read from its handler: the refusals it and the
/// services it calls answer with, the values of its string query parameters, the schema of a hand-written answer.
/// </summary>
/// <remarks>
/// The refusals every operation shares (a bad token, a missing role, a rate limit, a body too large, a bad query) are
/// added by <see cref="ContractOperationTransformer"/> from the endpoint's authorization metadata and method: declared
/// here are only those of the endpoint's own work.
/// </remarks>
internal static class ContractConventions
{
    /// <summary>The endpoint answers <paramref name="status"/> with a problem coded one of <paramref name="codes"/>.</summary>
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, int status, params string[] codes)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new ProblemResponse(status, codes));

    /// <summary>The query parameter <paramref name="name"/> takes one of <typeparamref name="TEnum"/>'s names.</summary>
    public static TBuilder WithQueryValues<TBuilder, TEnum>(this TBuilder builder, string name)
        where TBuilder : IEndpointConventionBuilder
        where TEnum : struct, Enum
        => builder.WithMetadata(new QueryValues(name, typeof(TEnum).Name, Enum.GetNames<TEnum>()));

    /// <summary>The query parameter <paramref name="name"/> takes one of <paramref name="values"/>, described as the schema <paramref name="schemaName"/>.</summary>
    public static TBuilder WithQueryValues<TBuilder>(this TBuilder builder, string name, string schemaName, params string[] values)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new QueryValues(name, schemaName, values));

    /// <summary>The endpoint's 200 JSON answer has the schema of the document's component <paramref name="schemaName"/>.</summary>
    public static TBuilder AnswersWith<TBuilder>(this TBuilder builder, string schemaName)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new JsonAnswer(schemaName));

    /// <summary>The endpoint reads the optional request header <paramref name="name"/>.</summary>
    public static TBuilder ReadsHeader<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new HeaderContract(name, description));

    /// <summary>The endpoint's <paramref name="status"/> answer may carry the header <paramref name="name"/>.</summary>
    public static TBuilder SetsHeader<TBuilder>(this TBuilder builder, int status, string name, string description)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new HeaderContract(name, description, status));
}
