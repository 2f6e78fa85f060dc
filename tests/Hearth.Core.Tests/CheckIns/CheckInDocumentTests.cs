using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using NodaTime;

namespace Hearth.Core.Tests.CheckIns;

/// <summary>The encrypted answers document keeps its format to the byte: rows written years ago read back the same.</summary>
public sealed class CheckInDocumentTests
{
    private static readonly LocalDate Week = new(2026, 11, 22);

    public static TheoryData<string, CheckInRecord> Documents => new()
    {
        {
            """{"S":8,"C":5,"H":6,"M":200,"A":5,"R":6,"N":false,"T":"More \u003Cwalks\u003E \u0026 \uD83D\uDE0A \u0022dancing\u0022","D":"experiential"}""",
            new CheckInRecord(Week, "weekly.v1", 8, 5, 6, 200, 5, 6, false, "More <walks> & \U0001F60A \"dancing\"", Dimension.Experiential)
        },
        {
            """{"N":true}""",
            new CheckInRecord(Week, "weekly.v1", null, null, null, null, null, null, true, null, null)
        },
        {
            """{"S":0,"M":10080,"A":0,"N":false,"T":"l\u00E4nger zusammen"}""",
            new CheckInRecord(Week, "weekly.v1", 0, null, null, 10080, 0, null, false, "länger zusammen", null)
        },
        {
            """{"S":7,"W":4,"N":true}""",
            new CheckInRecord(Week, "weekly.v1", 7, null, null, null, null, null, true, null, null, WarningSigns: 4)
        },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_record_is_written_as_the_stored_document_always_was_and_reads_back(string document, CheckInRecord record)
    {
        Assert.Equal(document, CheckInDocument.Write(record));
        Assert.Equal(record, CheckInDocument.Read(document, Week, "weekly.v1"));
    }

    [Fact]
    public void Every_measure_has_its_own_key_in_the_document()
    {
        var keys = CheckInMeasures.Definitions.Select(d => d.StoredKey).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("N", keys);
        Assert.DoesNotContain("T", keys);
        Assert.DoesNotContain("D", keys);
        foreach (var measure in CheckInMeasures.All)
        {
            var record = new CheckInRecord(Week, "weekly.v1", null, null, null, null, null, null, false, null, null);
            var only = CheckInDocument.Read(CheckInDocument.Write(record).Replace("{", $"{{\"{measure.Info().StoredKey}\":{measure.Info().Max},", StringComparison.Ordinal), Week, "weekly.v1")!;
            Assert.Equal(measure.Info().Max, only.Value(measure));
            Assert.All(CheckInMeasures.All.Where(m => m != measure), other => Assert.Null(only.Value(other)));
        }
    }

    [Fact]
    public void Nothing_stored_reads_as_nothing()
    {
        Assert.Null(CheckInDocument.Read(null, Week, "weekly.v1"));
        Assert.Null(CheckInDocument.Read("", Week, "weekly.v1"));
        Assert.Null(CheckInDocument.Read("null", Week, "weekly.v1"));
    }
}
