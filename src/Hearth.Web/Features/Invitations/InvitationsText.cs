namespace Hearth.Web.Features.Invitations;

/// <summary>The words of the join page and the invitation messages and e-mail: InvitationsText.resx (English) and its translations. Core's InvitationProblem is said with the key Problem&lt;Name&gt;.</summary>
public sealed class InvitationsText;
