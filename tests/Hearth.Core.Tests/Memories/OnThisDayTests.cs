using Hearth.Core.Memories;
using NodaTime;

namespace Hearth.Core.Tests.Memories;

public sealed class OnThisDayTests
{
    private static SharedMemory Memory(int year, int month, int day, string title = "A day") =>
        new(Guid.NewGuid(), new LocalDate(year, month, day), MemoryKind.SharedExperience, title, string.Empty);

    [Fact]
    public void Finds_memories_from_the_same_day_in_earlier_years_most_recent_first()
    {
        var older = Memory(2018, 9, 3, "Older");
        var newer = Memory(2023, 9, 3, "Newer");
        SharedMemory[] all = [older, Memory(2023, 9, 4), Memory(2023, 8, 3), newer, Memory(2026, 9, 3, "This year")];

        var found = OnThisDay.Find(all, new LocalDate(2026, 9, 3));

        Assert.Equal([newer, older], found);
    }

    [Fact]
    public void Nothing_on_a_day_without_memories()
    {
        Assert.Empty(OnThisDay.Find([Memory(2020, 1, 1)], new LocalDate(2026, 1, 2)));
        Assert.Empty(OnThisDay.Find([], new LocalDate(2026, 1, 2)));
    }

    [Fact]
    public void A_leap_day_memory_comes_back_on_28_february_in_other_years()
    {
        var leap = Memory(2024, 2, 29, "Leap day");
        var feb28 = Memory(2022, 2, 28, "Ordinary 28th");

        Assert.Equal([leap, feb28], OnThisDay.Find([leap, feb28], new LocalDate(2027, 2, 28)));
        Assert.Empty(OnThisDay.Find([leap], new LocalDate(2027, 3, 1)));
    }

    [Fact]
    public void In_a_leap_year_a_leap_day_memory_comes_back_on_the_29th_itself()
    {
        var leap = Memory(2024, 2, 29);
        Assert.Equal([leap], OnThisDay.Find([leap], new LocalDate(2028, 2, 29)));
        Assert.Empty(OnThisDay.Find([leap], new LocalDate(2028, 2, 28)));
    }

    [Fact]
    public void Headings_count_years_warmly()
    {
        Assert.Equal("One year ago today", OnThisDay.Heading(Memory(2025, 5, 1), new LocalDate(2026, 5, 1)));
        Assert.Equal("6 years ago today", OnThisDay.Heading(Memory(2020, 5, 1), new LocalDate(2026, 5, 1)));
        Assert.Equal("3 years ago today", OnThisDay.Heading(Memory(2024, 2, 29), new LocalDate(2027, 2, 28)));
    }
}
