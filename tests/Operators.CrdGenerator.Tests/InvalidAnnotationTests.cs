using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FluentAssertions;
using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Operators.CrdGenerator.Tests;

/// <summary>Annotations that cannot produce a CRD a real kube-apiserver accepts fail generation with a message naming the property.</summary>
public sealed class InvalidAnnotationTests
{
    [Test]
    public void Generate_WithoutKubernetesEntity_ThrowsNamingTheAttribute()
    {
        var act = () => CustomResourceDefinitions.Generate(typeof(LooseItem));
        act.Should().Throw<ArgumentException>().WithMessage("*[KubernetesEntity*");
    }

    [Test]
    public void ForObject_WhenAListMapKeyIsNotRequired_ThrowsBecauseTheApiServerWouldRejectTheCrd()
    {
        var act = () => new SchemaBuilder().ForObject(typeof(MapOfLooseItems));
        act.Should().Throw<InvalidOperationException>().WithMessage("*MapOfLooseItems.Items*'name'*[Required]*");
    }

    [Test]
    public void ForObject_WhenAListMapKeyIsMissing_Throws()
    {
        var act = () => new SchemaBuilder().ForObject(typeof(MapWithUnknownKey));
        act.Should().Throw<InvalidOperationException>().WithMessage("*'id' is not a property*");
    }

    [Test]
    public void ForObject_WhenAListSetHoldsObjects_Throws()
    {
        var act = () => new SchemaBuilder().ForObject(typeof(SetOfObjects));
        act.Should().Throw<InvalidOperationException>().WithMessage("*[ListSet] applies to a list of scalars*");
    }

    [Test]
    public void ForObject_WhenStringLengthIsOnAnInteger_Throws()
    {
        var act = () => new SchemaBuilder().ForObject(typeof(LengthOnInteger));
        act.Should().Throw<InvalidOperationException>().WithMessage("*LengthOnInteger.Count*[StringLength]*integer*");
    }

    [Test]
    public void ForObject_WhenDefaultEmptyObjectHasRequiredProperties_Throws()
    {
        var act = () => new SchemaBuilder().ForObject(typeof(EmptyDefaultWithRequired));
        act.Should().Throw<InvalidOperationException>().WithMessage("*default {} would be invalid*");
    }

    [Test]
    public void ForObject_ForARecursiveType_Throws()
    {
        var act = () => new SchemaBuilder().ForObject(typeof(Recursive));
        act.Should().Throw<NotSupportedException>().WithMessage("*contains itself*");
    }

    [Test]
    public void ForObject_ForATypeWithoutMapping_ThrowsNamingIt()
    {
        var act = () => new SchemaBuilder().ForObject(typeof(WithTimeSpan));
        act.Should().Throw<NotSupportedException>().WithMessage("*System.TimeSpan*");
    }

    [TestCase(typeof(DefaultOutsideRange), "*DefaultOutsideRange.Value*default (0) must be at least 1*")]
    [TestCase(typeof(DefaultNotAllowed), "*default (blue) must be one of the allowed values*")]
    [TestCase(typeof(DefaultOfWrongType), "*default (x) must be of type integer*")]
    [TestCase(typeof(DefaultTooLong), "*default (abcd) must be at most 3 characters*")]
    [TestCase(typeof(DefaultNotMatchingPattern), "*default (ABC) must be matching ^[a-z]+$*")]
    [TestCase(typeof(DefaultListTooShort), "*default (0 items) must be at least 1*")]
    [TestCase(typeof(DefaultSetWithRepeats), "*default (with a repeated item) must be unique in a set*")]
    public void ForObject_WhenADefaultWouldNotValidate_ThrowsBecauseTheApiServerWouldRejectTheCrd(Type type, string message)
    {
        var act = () => new SchemaBuilder().ForObject(type);
        act.Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    public sealed class LooseItem
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }
    }

    public sealed class MapOfLooseItems
    {
        [JsonPropertyName("items")]
        [ListMap("name")]
        public IList<LooseItem>? Items { get; set; }
    }

    public sealed class MapWithUnknownKey
    {
        [JsonPropertyName("items")]
        [ListMap("id")]
        public IList<LooseItem>? Items { get; set; }
    }

    public sealed class SetOfObjects
    {
        [JsonPropertyName("items")]
        [ListSet]
        public IList<LooseItem>? Items { get; set; }
    }

    public sealed class LengthOnInteger
    {
        [JsonPropertyName("count")]
        [StringLength(3)]
        public int Count { get; set; }
    }

    public sealed class RequiredName
    {
        [JsonPropertyName("name")]
        [Required]
        public string Name { get; set; } = "";
    }

    public sealed class EmptyDefaultWithRequired
    {
        [JsonPropertyName("inner")]
        [DefaultEmptyObject]
        public RequiredName? Inner { get; set; }
    }

    public sealed class Recursive
    {
        [JsonPropertyName("next")]
        public Recursive? Next { get; set; }
    }

    public sealed class WithTimeSpan
    {
        [JsonPropertyName("duration")]
        public TimeSpan Duration { get; set; }
    }

    public sealed class DefaultOutsideRange
    {
        [JsonPropertyName("value")]
        [Range(1, 5)]
        [DefaultValue(0)]
        public int? Value { get; set; }
    }

    public sealed class DefaultNotAllowed
    {
        [JsonPropertyName("value")]
        [AllowedValues("red", "green")]
        [DefaultValue("blue")]
        public string? Value { get; set; }
    }

    public sealed class DefaultOfWrongType
    {
        [JsonPropertyName("value")]
        [DefaultValue("x")]
        public int? Value { get; set; }
    }

    public sealed class DefaultTooLong
    {
        [JsonPropertyName("value")]
        [StringLength(3)]
        [DefaultValue("abcd")]
        public string? Value { get; set; }
    }

    public sealed class DefaultNotMatchingPattern
    {
        [JsonPropertyName("value")]
        [RegularExpression("^[a-z]+$")]
        [DefaultValue("ABC")]
        public string? Value { get; set; }
    }

    public sealed class DefaultListTooShort
    {
        [JsonPropertyName("values")]
        [ItemCount(Min = 1)]
        [DefaultValue(new object[0])]
        public IList<string>? Values { get; set; }
    }

    public sealed class DefaultSetWithRepeats
    {
        [JsonPropertyName("values")]
        [ListSet]
        [DefaultValue(new[] { "a", "a" })]
        public IList<string>? Values { get; set; }
    }
}
