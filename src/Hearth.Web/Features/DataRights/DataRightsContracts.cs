namespace Hearth.Web.Features.DataRights;

public sealed record DeleteAccountInput(string? Passphrase);

/// <summary>What an import brought in, and how many of the other person's items stayed in the file.</summary>
public sealed record ImportSummary(int Spaces, int Items, int SharedItemsLeftInFile);
