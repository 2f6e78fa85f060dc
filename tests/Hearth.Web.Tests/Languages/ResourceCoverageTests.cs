using System.Text.RegularExpressions;
using System.Xml.Linq;
using Hearth.Core.Languages;
using Hearth.Web.Tests.Architecture;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// Every resource file of the app (every <c>*.resx</c> under src/) has, for every shipped language
/// but English, a translation beside it (<c>X.de.resx</c>) with exactly the English keys and, per key,
/// the same placeholders (<c>{0}</c>, <c>{1}</c>…). A value identical to the English one is taken as
/// not translated unless the allow-list below says why it is the same. Failures list the keys.
/// </summary>
public sealed partial class ResourceCoverageTests
{
    /// <summary>
    /// Values that are the same word in a translation, per language, as "key" or "File/Key": each
    /// with the reason. Keep it short; a new entry is reviewed like code.
    /// </summary>
    private static readonly Dictionary<string, IReadOnlySet<string>> SameAsEnglish = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        [HearthLanguages.German] = new HashSet<string>(StringComparer.Ordinal)
        {
            // The key on the keyboard is labelled "Shift" on German keyboards too (also "Umschalt", but less often).
            "SharedText/ShiftKey",
            // "OK" is German too.
            "OK",
            // Pure formats: a label and its value, a field and its problem.
            "{0}: {1}",
            // German says "Passkeys", "Name", "Code" and "Passphrase" as well.
            "Passkeys",
            "Name",
            "Code",
            "Passphrase",
            // Export field names that are the same word in German.
            "DataRightsText/Field.ritual",
            "DataRightsText/Field.text",
            "DataRightsText/Field.version",
            // A kind and a state side by side: only placeholders and a middle dot.
            "{0} · {1}",
            // An insight's evidence line, "<what> (<whose>): <number>": only placeholders and punctuation.
            "InsightsText/EvidenceLine",
            // A line made of parts already in the reader's language (a date, a kind, who shared it),
            // one resource so the pseudo-locale brackets the whole line: the same in every language.
            "{0}",
        },
    };

    public static TheoryData<string> EnglishFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in English(SourceFiles()))
        {
            data.Add(Relative(file));
        }

        return data;
    }

    [Fact]
    public void The_app_has_resource_files_to_check() =>
        Assert.Contains("src/Hearth.Web/Features/Shared/SharedText.resx", English(SourceFiles()).Select(Relative));

    [Theory]
    [MemberData(nameof(EnglishFiles))]
    public void Every_shipped_language_translates_every_key_with_the_same_placeholders(string englishFile)
    {
        var path = Path.Combine(OpenApiDocument.RepositoryRoot(), englishFile);
        var english = Read(File.ReadAllText(path));
        var problems = new List<string>();
        foreach (var language in HearthLanguages.Shipped.Where(l => l != HearthLanguages.English))
        {
            var translated = path[..^".resx".Length] + "." + language + ".resx";
            if (!File.Exists(translated))
            {
                problems.Add($"{language}: no file {Relative(translated)} (it needs all {english.Count} keys)");
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(path);
            problems.AddRange(Compare(name, english, Read(File.ReadAllText(translated)), AllowedFor(language)).Select(p => $"{language}: {p}"));
        }

        Assert.True(problems.Count == 0, $"{englishFile}:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Every_translation_file_belongs_to_an_English_one_and_a_shipped_language()
    {
        var files = SourceFiles();
        var english = English(files).ToHashSet(StringComparer.Ordinal);
        var shipped = HearthLanguages.Shipped.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = files.Except(english)
            .Select(f => (File: f, Culture: CultureOf(f)!, English: f[..^(CultureOf(f)!.Length + ".resx".Length + 1)] + ".resx"))
            .Where(t => !english.Contains(t.English) || !shipped.Contains(t.Culture))
            .Select(t => english.Contains(t.English) ? $"{Relative(t.File)}: {t.Culture} is not a shipped language" : $"{Relative(t.File)}: no English {Relative(t.English)}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    // The check itself, on files made here: it must find each kind of gap.
    [Fact]
    public void The_check_finds_missing_and_extra_keys_changed_placeholders_and_untranslated_values()
    {
        var english = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Kept"] = "Hello {0}",
            ["Missing"] = "Gone",
            ["Moved"] = "{0} of {1}",
            ["Same"] = "Save",
            ["Allowed"] = "OK",
        };
        var german = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Kept"] = "Hallo {0}",
            ["Moved"] = "{0} von {2}",
            ["Same"] = "Save",
            ["Allowed"] = "OK",
            ["Extra"] = "Mehr",
        };

        var problems = Compare("Sample", english, german, new HashSet<string> { "OK" });

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("missing keys: Missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("keys not in English: Extra", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Moved", StringComparison.Ordinal) && p.Contains("{1}", StringComparison.Ordinal) && p.Contains("{2}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("same as English: Same", StringComparison.Ordinal));
    }

    internal static List<string> Compare(string file, IReadOnlyDictionary<string, string> english, IReadOnlyDictionary<string, string> translation, IReadOnlySet<string> allowed)
    {
        var problems = new List<string>();
        var missing = english.Keys.Where(k => !translation.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing keys: {string.Join(", ", missing)}");
        }

        var extra = translation.Keys.Where(k => !english.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            problems.Add($"keys not in English: {string.Join(", ", extra)}");
        }

        foreach (var (key, value) in english.Where(e => translation.ContainsKey(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var (want, got) = (Placeholders(value), Placeholders(translation[key]));
            if (want != got)
            {
                problems.Add($"{key}: placeholders {got} where English has {want}");
            }
        }

        var same = english.Where(e => translation.TryGetValue(e.Key, out var t) && t == e.Value && !string.IsNullOrWhiteSpace(e.Value))
            .Where(e => !allowed.Contains(e.Value) && !allowed.Contains($"{file}/{e.Key}"))
            .Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        if (same.Count > 0)
        {
            problems.Add($"same as English: {string.Join(", ", same)} (translate them, or add them to the allow-list with the reason)");
        }

        return problems;
    }

    /// <summary>The distinct placeholders of a value, in order: "{0} {1}" (a format such as {0:N0} counts as {0}).</summary>
    internal static string Placeholders(string value) =>
        string.Join(" ", Placeholder().Matches(value).Select(m => "{" + m.Groups[1].Value + "}").Distinct().Order(StringComparer.Ordinal));

    internal static Dictionary<string, string> Read(string resx) =>
        XDocument.Parse(resx).Root!.Elements("data")
            .Where(d => d.Attribute("type") is null)
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static IReadOnlySet<string> AllowedFor(string language) =>
        SameAsEnglish.TryGetValue(language, out var allowed) ? allowed : new HashSet<string>();

    private static List<string> SourceFiles() =>
        Directory.GetFiles(Path.Combine(OpenApiDocument.RepositoryRoot(), "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<string> English(IEnumerable<string> files) => files.Where(f => CultureOf(f) is null);

    /// <summary>"de" for X.de.resx, null for X.resx (English).</summary>
    private static string? CultureOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return null;
        }

        var suffix = name[(dot + 1)..];
        return CultureSuffix().IsMatch(suffix) ? suffix : null;
    }

    private static string Relative(string file) =>
        Path.GetRelativePath(OpenApiDocument.RepositoryRoot(), file).Replace(Path.DirectorySeparatorChar, '/');

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex CultureSuffix();
}
