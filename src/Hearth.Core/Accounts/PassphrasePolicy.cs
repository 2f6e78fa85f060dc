namespace Hearth.Core.Accounts;

public enum PassphraseProblem
{
    None = 0,
    Empty,
    TooShort,
    TooLong,
    Common,
    Repetitive,
    ContainsEmail,
}

/// <summary>
/// Passphrase rules after NIST SP 800-63B-4: length matters, composition rules do not.
/// At least 15 characters on its own (8 once a second factor exists), up to 256, any characters
/// including spaces and emoji, no forced rotation, and a refusal of well-known or guessable choices.
/// </summary>
public static class PassphrasePolicy
{
    public const int MinimumLengthAlone = 15;
    public const int MinimumLengthWithSecondFactor = 8;
    public const int MaximumLength = 256;

    /// <param name="passphrase">What the person typed.</param>
    /// <param name="email">Their e-mail address, which must not be the passphrase.</param>
    /// <param name="hasSecondFactor">Whether the account has a second factor (shorter passphrases allowed).</param>
    /// <param name="isCommon">Looks a lower-cased candidate up in the bundled list of common passwords.</param>
    public static PassphraseProblem Check(string? passphrase, string? email, bool hasSecondFactor, Func<string, bool> isCommon)
    {
        ArgumentNullException.ThrowIfNull(isCommon);
        if (string.IsNullOrEmpty(passphrase))
        {
            return PassphraseProblem.Empty;
        }

        // Length counts what a person sees (text elements), so emoji count once.
        var length = new System.Globalization.StringInfo(passphrase.Normalize(System.Text.NormalizationForm.FormC)).LengthInTextElements;
        var minimum = hasSecondFactor ? MinimumLengthWithSecondFactor : MinimumLengthAlone;
        if (length < minimum)
        {
            return PassphraseProblem.TooShort;
        }

        if (length > MaximumLength)
        {
            return PassphraseProblem.TooLong;
        }

        var lowered = passphrase.Trim().ToLowerInvariant();
        var squashed = new string(lowered.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (isCommon(lowered) || isCommon(squashed) || IsRepeatOfCommon(squashed, isCommon))
        {
            return PassphraseProblem.Common;
        }

        if (IsRepetitive(squashed))
        {
            return PassphraseProblem.Repetitive;
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            var mail = email.Trim().ToLowerInvariant();
            var local = mail.Split('@')[0];
            if (squashed.Contains(mail, StringComparison.Ordinal) || (local.Length >= 4 && squashed == local))
            {
                return PassphraseProblem.ContainsEmail;
            }
        }

        return PassphraseProblem.None;
    }

    public static string Explain(PassphraseProblem problem, bool hasSecondFactor = false) => problem switch
    {
        PassphraseProblem.None => "That passphrase works.",
        PassphraseProblem.Empty => "Please choose a passphrase.",
        PassphraseProblem.TooShort => $"Please use at least {(hasSecondFactor ? MinimumLengthWithSecondFactor : MinimumLengthAlone)} characters. A few everyday words in a row work well, like a short sentence only you would think of.",
        PassphraseProblem.TooLong => $"Please keep it to {MaximumLength} characters or fewer.",
        PassphraseProblem.Common => "That one is on a list of passwords people use a lot, so it is easy to guess. Try a phrase that is yours alone.",
        PassphraseProblem.Repetitive => "That is mostly the same few characters repeated, which is easy to guess. Try a phrase with real words.",
        PassphraseProblem.ContainsEmail => "Please don't use your e-mail address as your passphrase.",
        _ => "Please choose a different passphrase.",
    };

    /// <summary>"passwordpassword", "iloveyou123iloveyou123": a common password said several times.</summary>
    private static bool IsRepeatOfCommon(string s, Func<string, bool> isCommon)
    {
        for (var unit = 1; unit <= s.Length / 2; unit++)
        {
            if (s.Length % unit != 0)
            {
                continue;
            }

            var piece = s[..unit];
            var repeated = true;
            for (var i = unit; i < s.Length; i += unit)
            {
                if (string.CompareOrdinal(s, i, piece, 0, unit) != 0)
                {
                    repeated = false;
                    break;
                }
            }

            if (repeated && (unit <= 3 || isCommon(piece)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Very few distinct characters, or a plain run such as "abcdefghijklmnop" or "123456789012345".</summary>
    private static bool IsRepetitive(string s)
    {
        if (s.Distinct().Count() <= 3)
        {
            return true;
        }

        var ascending = 0;
        var descending = 0;
        for (var i = 1; i < s.Length; i++)
        {
            var step = s[i] - s[i - 1];
            if (step == 1 || (s[i] == '0' && s[i - 1] == '9'))
            {
                ascending++;
            }
            else if (step == -1)
            {
                descending++;
            }
        }

        return ascending >= s.Length - 2 || descending >= s.Length - 2;
    }
}
