using Governance.Api.Auth;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Infrastructure.Signing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TestSupport.Files;

namespace Governance.Api.Tests.Auth;

public sealed class ValidatedTokenCacheTests : IDisposable
{
    private readonly TempFolder _dir = TempFolder.Reserve();
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly CountingHandler _inner = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ValidateTokenAsync_SameValidTokenTwice_ValidatesOnce()
    {
        // Arrange
        var cache = new ValidatedTokenCache(_inner, _time);
        var token = TestTokens.Valid(LocalSigningKey.LoadOrCreate(_dir), "alice", "engineer");
        var parameters = new TokenValidationParameters();

        // Act
        var first = await cache.ValidateTokenAsync(token, parameters);
        var second = await cache.ValidateTokenAsync(token, parameters);

        // Assert
        Assert.True(first.IsValid && second.IsValid);
        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task ValidateTokenAsync_ParametersClonedPerRequest_ValidatesOnce()
    {
        // Arrange: JwtBearerHandler hands every request a clone of its parameters.
        var cache = new ValidatedTokenCache(_inner, _time);
        var key = LocalSigningKey.LoadOrCreate(_dir);
        var token = TestTokens.Valid(key, "alice", "engineer");
        var parameters = key.ValidationParameters("role", TimeSpan.Zero);

        // Act
        await cache.ValidateTokenAsync(token, parameters.Clone());
        var second = await cache.ValidateTokenAsync(token, parameters.Clone());

        // Assert
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Calls);
    }

    [Theory]
    [InlineData("key")]
    [InlineData("audience")]
    [InlineData("issuer")]
    public async Task ValidateTokenAsync_WhatTheParametersCheckChanged_ValidatesAgain(string change)
    {
        // Arrange
        var cache = new ValidatedTokenCache(_inner, _time);
        var key = LocalSigningKey.LoadOrCreate(_dir);
        var token = TestTokens.Valid(key, "alice", "engineer");
        var parameters = key.ValidationParameters("role", TimeSpan.Zero);
        await cache.ValidateTokenAsync(token, parameters);
        var changed = parameters.Clone();
        switch (change)
        {
            case "key":
                changed.IssuerSigningKey = new SymmetricSecurityKey(new byte[32]);
                break;
            case "audience":
                changed.ValidAudience = "another-service";
                break;
            default:
                changed.ValidIssuer = "https://another-issuer";
                break;
        }

        // Act
        await cache.ValidateTokenAsync(token, changed);

        // Assert
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task ValidateTokenAsync_AfterMaxAge_ValidatesAgain()
    {
        // Arrange
        var cache = new ValidatedTokenCache(_inner, _time);
        var token = TestTokens.Valid(LocalSigningKey.LoadOrCreate(_dir), "alice", "engineer");
        var parameters = new TokenValidationParameters();
        await cache.ValidateTokenAsync(token, parameters);

        // Act
        _time.Advance(ValidatedTokenCache.MaxAge);
        await cache.ValidateTokenAsync(token, parameters);

        // Assert
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task ValidateTokenAsync_InvalidToken_IsNeverKept()
    {
        // Arrange
        var cache = new ValidatedTokenCache(_inner, _time);
        var token = TestTokens.Valid(LocalSigningKey.LoadOrCreate(_dir), "alice", "engineer");
        _inner.Valid = false;

        // Act
        var first = await cache.ValidateTokenAsync(token, new TokenValidationParameters());
        var second = await cache.ValidateTokenAsync(token, new TokenValidationParameters());

        // Assert
        Assert.False(first.IsValid || second.IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    /// <summary>Accepts or refuses every token as told, and counts the validations.</summary>
    private sealed class CountingHandler : TokenHandler
    {
        public int Calls { get; private set; }

        public bool Valid { get; set; } = true;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return Task.FromResult(Valid
                ? new TokenValidationResult { IsValid = true, SecurityToken = new JsonWebToken(token) }
                : new TokenValidationResult { IsValid = false, Exception = new SecurityTokenInvalidSignatureException("refused") });
        }
    }
}
