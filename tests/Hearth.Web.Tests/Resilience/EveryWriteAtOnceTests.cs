using System.Net;
using System.Text;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Web.Tests.Security;

namespace Hearth.Web.Tests.Resilience;

/// <summary>
/// Every write of the API, sent three times at the same moment by the members who may send it (a
/// double tap, two tabs, both members at once), in every state of the authorisation matrix's world:
/// each answer is a success or a clear refusal, never a server error (ADR 55). The writes run in the
/// matrix's own order (leaving, signing out and deleting the account last), so later rows meet the
/// world as earlier ones left it; whatever that is, a 5xx is a defect.
/// </summary>
[Slow("every write of the API, three times at once")]
public abstract class EveryWriteAtOnceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task Every_write_sent_three_times_at_once_answers_without_a_server_error()
    {
        factory.RequireAvailable();
        var world = await MatrixWorld.BuildAsync(factory);
        static bool MayWrite(char cell) => cell is 'A' or 'M' or 'G' or 'R';
        var cases = (from row in AuthorizationMatrix.Rows
                     where !row.IsPage && !row.IsSafe
                     from cell in row.Cells
                     let self = MayWrite(cell.Value[(int)Actor.Self])
                     let partner = MayWrite(cell.Value[(int)Actor.Partner])
                     where self || partner
                     orderby row.Last
                     select (Row: row, State: cell.Key, Senders: self && partner ? new[] { Actor.Self, Actor.Partner, Actor.Self } : self ? [Actor.Self, Actor.Self, Actor.Self] : [Actor.Partner, Actor.Partner, Actor.Partner])).ToList();

        var errors = new List<string>();
        foreach (var (row, state, senders) in cases)
        {
            var url = world.Fill(row.Route, state);
            var answers = await Task.WhenAll(senders.Select(actor => Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(url, UriKind.Relative))
                {
                    Content = row.Body is { } body
                        ? new StringContent(MatrixWorld.FillBody(body, actor, world.LanguageOf(actor)), Encoding.UTF8, "application/json")
                        : new StringContent("", Encoding.UTF8, "application/json"),
                };
                using var response = await world.Client(actor).SendAsync(request);
                return (actor, Status: (int)response.StatusCode, Text: await response.Content.ReadAsStringAsync());
            })));
            foreach (var (actor, status, text) in answers.Where(a => a.Status >= 500))
            {
                errors.Add($"{row.Key} [{state}] as {actor}: {status} {text[..Math.Min(160, text.Length)]}");
            }
        }

        SecurityReport.Record("every write sent three times at once answers without a server error", factory.ProviderName, cases.Count, errors.Count,
            $"{GetType().Name}.{nameof(Every_write_sent_three_times_at_once_answers_without_a_server_error)}",
            $"{cases.Count} writes x states, three at once each");
        Assert.True(cases.Count > 100, $"only {cases.Count} cases: the matrix is not being read");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

public sealed class EveryWriteAtOnceOnSqlite(SqliteHearthFactory factory) : EveryWriteAtOnceTests<SqliteHearthFactory>(factory);

public sealed class EveryWriteAtOnceOnPostgres(PostgresHearthFactory factory) : EveryWriteAtOnceTests<PostgresHearthFactory>(factory);
