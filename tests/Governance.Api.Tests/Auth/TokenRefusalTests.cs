using Governance.Api.Auth;
using Governance.Core.Results;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Tests.Auth;

public sealed class TokenRefusalTests
{
    [Fact]
    public void Of_FailureOfNoKnownKind_IsTokenInvalidWithoutTheLibrarysMessage()
    {
        // Arrange: the library's messages name keys and claims; the caller gets a sentence of the service's own
        var failure = new SecurityTokenValidationException("IDX10000: key 'secret-key-id' …");

        // Act
        var refusal = TokenRefusal.Of(failure);

        // Assert
        Assert.Equal(ProblemCodes.TokenInvalid, refusal.Code);
        Assert.DoesNotContain("IDX", refusal.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-id", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_SeveralFailures_TellsTheFirst()
    {
        // Act
        var refusal = TokenRefusal.Of(new AggregateException(new SecurityTokenExpiredException("expired"), new SecurityTokenInvalidSignatureException("sig")));

        // Assert
        Assert.Equal(ProblemCodes.TokenExpired, refusal.Code);
    }
}
