using Hearth.Core.Accounts;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Spaces;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Hearth.Core.QualityTime;
using Hearth.Core.Spaces;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Daily;

namespace Hearth.Web.Features.DataRights;

public sealed record DeleteAccountInput(string? Passphrase);

/// <summary>What an import brought in, and how many of the other person's items stayed in the file.</summary>
public sealed record ImportSummary(int Spaces, int Items, int SharedItemsLeftInFile);
