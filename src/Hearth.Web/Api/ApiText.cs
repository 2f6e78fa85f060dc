namespace Hearth.Web.Api;

/// <summary>The API's own words (ProblemDetails titles and details): ApiText.resx and its translations.</summary>
public sealed class ApiText;
