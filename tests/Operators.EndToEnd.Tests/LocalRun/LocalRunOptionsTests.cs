using FluentAssertions;
using Operators.LocalRun;

namespace Operators.EndToEnd.Tests.LocalRun;

public class LocalRunOptionsTests
{
    [Test]
    public void Parse_WithoutArguments_GivesTheDefaults()
    {
        var options = LocalRunOptions.Parse([]);

        options.Should().BeEquivalentTo(new { Port = 6443, ReceiverPort = 8090, RunDirectory = ".run", Configuration = "Release", ShowUsage = false });
    }

    [Test]
    public void Parse_ReadsEveryFlag()
    {
        var options = LocalRunOptions.Parse(
            ["--port", "7443", "--receiver-port", "9090", "--run-dir", "/tmp/r", "--configuration", "Debug", "--samples", "s.yaml",
             "--summary-seconds", "5", "--deployment-ready-delay-ms", "2000"]);

        options.Should().BeEquivalentTo(new
        {
            Port = 7443,
            ReceiverPort = 9090,
            RunDirectory = "/tmp/r",
            Configuration = "Debug",
            Samples = "s.yaml",
            SummaryInterval = TimeSpan.FromSeconds(5),
            DeploymentReadyDelay = (TimeSpan?)TimeSpan.FromSeconds(2),
        });
    }

    [TestCase(new[] { "--port" }, "--port needs a value*")]
    [TestCase(new[] { "--port", "http" }, "--port http is not valid*")]
    [TestCase(new[] { "--port", "70000" }, "--port 70000 is not valid*")]
    [TestCase(new[] { "--summary-seconds", "0" }, "--summary-seconds 0 is not valid: expected a whole number from 1 to 3600")]
    [TestCase(new[] { "--colour", "yes" }, "unknown argument --colour*")]
    public void Parse_OfABadArgument_FailsWithOneLine(string[] args, string message)
    {
        var parse = () => LocalRunOptions.Parse(args);

        parse.Should().Throw<LaunchException>().WithMessage(message);
    }

    [Test]
    public void Parse_OfHelp_AsksForTheUsage()
    {
        LocalRunOptions.Parse(["--help"]).ShowUsage.Should().BeTrue();
    }
}
