using System.Globalization;
using System.Text;

namespace Hearth.Web.Tests.Infrastructure;

/// <summary>
/// Rows of CI's security report (<c>artifacts/security-report.md</c>), written by the tests that
/// prove each class of defence: what class, on which database, how many cases were tried and how
/// many failed. Each call writes one small file under <c>artifacts/security/</c>; <c>.ci/run</c>
/// gathers them into the report after the run. Nothing is written outside CI (no HEARTH_ARTIFACTS).
/// A test records its row before it asserts, so a failing class shows its failures in the report.
/// </summary>
public static class SecurityReport
{
    /// <param name="defenceClass">A short, stable name of the class of defence ("forged Host headers on every link").</param>
    /// <param name="provider">"sqlite", "postgres", or "-" where no database is involved.</param>
    /// <param name="tried">Cases tried.</param>
    /// <param name="failed">Cases where the defence did not hold.</param>
    /// <param name="test">The test that proves it (Class.Method), so a reader can find it.</param>
    /// <param name="detail">One line on what was tried.</param>
    public static void Record(string defenceClass, string provider, int tried, int failed, string test, string detail = "")
    {
        if (Environment.GetEnvironmentVariable("HEARTH_ARTIFACTS") is not { Length: > 0 } artifacts)
        {
            return;
        }

        var dir = Path.Combine(artifacts, "security");
        Directory.CreateDirectory(dir);
        var slug = new StringBuilder();
        foreach (var c in $"{defenceClass}-{provider}-{test}")
        {
            slug.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var row = string.Join('\t',
            Clean(defenceClass), Clean(provider), tried.ToString(CultureInfo.InvariantCulture),
            failed.ToString(CultureInfo.InvariantCulture), Clean(test), Clean(detail));
        File.WriteAllText(Path.Combine(dir, slug + ".tsv"), row + "\n");
    }

    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ').Replace("|", "\\|");
}
