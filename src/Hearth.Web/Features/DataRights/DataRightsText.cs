namespace Hearth.Web.Features.DataRights;

/// <summary>The words of the data pages (export, reading, import, deletion) and their messages: DataRightsText.resx (English) and its translations.</summary>
public sealed class DataRightsText;
