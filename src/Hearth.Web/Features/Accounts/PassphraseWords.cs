using Hearth.Core.Accounts;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Accounts;

/// <summary>
/// Core's passphrase problems in the member's language: one key per <see cref="PassphraseProblem"/>
/// (Passphrase&lt;Problem&gt; in AccountsText). Identity's validator hands back Core's English sentence
/// (Security/CommonPasswords.cs), which <see cref="Translate"/> recognises and says again in the
/// request's language; a sentence it does not know passes through unchanged.
/// </summary>
public static class PassphraseWords
{
    public static string Explain(IStringLocalizer<AccountsText> text, PassphraseProblem problem, bool hasSecondFactor = false) => problem switch
    {
        PassphraseProblem.TooShort => text["PassphraseTooShort", hasSecondFactor ? PassphrasePolicy.MinimumLengthWithSecondFactor : PassphrasePolicy.MinimumLengthAlone],
        PassphraseProblem.TooLong => text["PassphraseTooLong", PassphrasePolicy.MaximumLength],
        _ when Enum.IsDefined(problem) => text[$"Passphrase{problem}"],
        _ => text["PassphraseOther"],
    };

    public static string Translate(IStringLocalizer<AccountsText> text, string english)
    {
        foreach (var problem in Enum.GetValues<PassphraseProblem>())
        {
            foreach (var secondFactor in (bool[])[false, true])
            {
                if (PassphrasePolicy.Explain(problem, secondFactor) == english)
                {
                    return Explain(text, problem, secondFactor);
                }
            }
        }

        return english;
    }
}
