namespace Hearth.Web.Tests.Languages;

/// <summary>Marker of the resource file the plural tests read (PluralSample.resx, .de.resx).</summary>
public sealed class PluralSample;
