using System.Text;
using Hearth.Core.Accounts;

namespace Hearth.Core.Tests.Accounts;

public class TotpTests
{
    // RFC 6238 appendix B, SHA-1 secret.
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    public void Codes_match_the_rfc_test_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Compute(RfcKey, unixSeconds / 30, digits: 8));

    [Fact]
    public void A_code_is_accepted_once_within_its_window_and_never_again()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var code = Totp.Compute(RfcKey, Totp.StepAt(now));
        var step = Totp.Verify(RfcKey, code, now, lastUsedStep: null);
        Assert.Equal(Totp.StepAt(now), step);
        Assert.Null(Totp.Verify(RfcKey, code, now, lastUsedStep: step));
    }

    [Fact]
    public void A_little_clock_drift_is_forgiven_but_old_codes_are_not()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var previous = Totp.Compute(RfcKey, Totp.StepAt(now) - 1);
        var ancient = Totp.Compute(RfcKey, Totp.StepAt(now) - 3);
        Assert.NotNull(Totp.Verify(RfcKey, previous, now, null));
        Assert.Null(Totp.Verify(RfcKey, ancient, now, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    public void Malformed_codes_are_refused(string? code) =>
        Assert.Null(Totp.Verify(RfcKey, code, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), null));

    [Fact]
    public void Base32_keys_decode_like_authenticator_apps_read_them()
    {
        Assert.Equal(RfcKey, Totp.FromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        Assert.Equal(RfcKey, Totp.FromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        Assert.Throws<FormatException>(() => Totp.FromBase32("not base32!"));
    }
}
