using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;

namespace Hearth.Core.Tests.Assessments;

public sealed class DimensionCatalogTests
{
    [Theory]
    [InlineData(Dimension.Emotional, "emotional")]
    [InlineData(Dimension.Physical, "physical")]
    [InlineData(Dimension.Intellectual, "intellectual")]
    [InlineData(Dimension.Spiritual, "spiritual")]
    [InlineData(Dimension.Experiential, "experiential")]
    public void Wire_names_round_trip(Dimension dimension, string wire)
    {
        Assert.Equal(wire, dimension.WireName());
        Assert.True(DimensionCatalog.TryParse(wire.ToUpperInvariant(), out var parsed));
        Assert.Equal(dimension, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sexual")]
    public void Unknown_names_do_not_parse(string? wire)
    {
        Assert.False(DimensionCatalog.TryParse(wire, out _));
    }

    [Fact]
    public void There_are_five_dimensions_each_with_a_title_and_a_plain_description()
    {
        Assert.Equal(Enum.GetValues<Dimension>(), DimensionCatalog.All);
        Assert.All(DimensionCatalog.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title()));
            Assert.All(RelationshipKinds.All, k => Assert.EndsWith(".", d.Describe(k), StringComparison.Ordinal));
        });
    }
}
