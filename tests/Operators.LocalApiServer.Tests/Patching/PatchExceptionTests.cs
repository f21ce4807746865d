using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Patching;

namespace Operators.LocalApiServer.Tests.Patching;

public class PatchExceptionTests
{
    [Test]
    public void ToApiException_WhenUnprocessable_AnswersGenericInvalidWithoutDetails()
    {
        var error = PatchException.Unprocessable("testing value /data/a failed").ToApiException();

        error.Code.Should().Be(422);
        error.Reason.Should().Be("Invalid");
        error.Message.Should().Be("the server rejected our request due to an error in our request");
        error.Details.Should().BeNull();
    }

    [Test]
    public void ToApiException_WhenBadRequest_KeepsTheMessage()
    {
        var error = PatchException.BadRequest("invalid patch format of retainKeys").ToApiException();

        error.Code.Should().Be(400);
        error.Reason.Should().Be("BadRequest");
        error.Message.Should().Be("invalid patch format of retainKeys");
        error.Details.Should().BeNull();
    }

    [Test]
    public void ToApiException_WhenUnclassified_Answers500WithEmptyReason()
    {
        var error = PatchException.Unclassified("merging lists cannot yet be specified in the patch").ToApiException();

        error.Code.Should().Be(500);
        error.Reason.Should().BeEmpty();
        error.Message.Should().Be("merging lists cannot yet be specified in the patch");
    }
}
