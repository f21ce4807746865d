using FluentAssertions;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;

namespace Operators.CrdGenerator.Tests;

public sealed class GeneratorCommandTests
{
    private StringWriter _output = null!;
    private StringWriter _error = null!;
    private string _folder = "";

    private static string ApiAssembly => typeof(V1Alpha1BuildingBlock).Assembly.Location;

    [SetUp]
    public void CreateFolderAndWriters()
    {
        _folder = Directory.CreateTempSubdirectory("crdgen-").FullName;
        _output = new StringWriter();
        _error = new StringWriter();
    }

    [TearDown]
    public void RemoveFolder()
    {
        Directory.Delete(_folder, recursive: true);
        _output.Dispose();
        _error.Dispose();
    }

    [Test]
    public void Run_WritesEachTemplateAndPrintsOneLinePerFile()
    {
        var bb = Path.Combine(_folder, "bb", "crd.yaml");
        var na = Path.Combine(_folder, "na.yaml");

        var code = Run(ApiAssembly, $"{typeof(V1Alpha1BuildingBlock).FullName}={bb}", $"{typeof(V1Alpha1NovaAgent).FullName}={na}");

        code.Should().Be(0, _error.ToString());
        File.ReadAllText(bb).Should().Be(CustomResourceDefinitions.ToChartTemplate(
            CustomResourceDefinitions.Generate(typeof(V1Alpha1BuildingBlock)), typeof(V1Alpha1BuildingBlock)));
        File.ReadAllText(na).Should().Contain("name: novaagents.openstack.operators.dev");
        _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"wrote {bb} ({typeof(V1Alpha1BuildingBlock).FullName})",
            $"wrote {na} ({typeof(V1Alpha1NovaAgent).FullName})");
    }

    [Test]
    public void Run_WhenTheFileIsUpToDate_LeavesItAndSaysUnchanged()
    {
        var bb = Path.Combine(_folder, "crd.yaml");
        Run(ApiAssembly, $"{typeof(V1Alpha1BuildingBlock).FullName}={bb}").Should().Be(0);
        var written = File.GetLastWriteTimeUtc(bb);
        File.SetLastWriteTimeUtc(bb, written.AddMinutes(-5));

        Run(ApiAssembly, $"{typeof(V1Alpha1BuildingBlock).FullName}={bb}").Should().Be(0);

        _output.ToString().Should().Contain($"unchanged {bb}");
        File.GetLastWriteTimeUtc(bb).Should().Be(written.AddMinutes(-5));
    }

    [TestCase]
    [TestCase("only-an-assembly.dll")]
    [TestCase("--help")]
    public void Run_WithTooFewArguments_PrintsUsageAndExits2(params string[] args)
    {
        GeneratorCommand.Run(args, _output, _error).Should().Be(2);
        _error.ToString().Should().Contain("usage:");
    }

    [Test]
    public void Run_WithAMissingAssembly_SaysSoAndExits2()
    {
        Run(Path.Combine(_folder, "missing.dll"), "A.B=out.yaml").Should().Be(2);
        _error.ToString().Should().Contain("assembly not found");
    }

    [Test]
    public void Run_WithATargetWithoutOutput_SaysWhatItExpectedAndExits2()
    {
        Run(ApiAssembly, typeof(V1Alpha1BuildingBlock).FullName!).Should().Be(2);
        _error.ToString().Should().Contain("expected <Type.Full.Name>=<output file>");
    }

    [Test]
    public void Run_WithAnUnknownType_NamesItWritesNothingAndExits2()
    {
        var bb = Path.Combine(_folder, "bb.yaml");

        Run(ApiAssembly, $"{typeof(V1Alpha1BuildingBlock).FullName}={bb}", $"Operators.Api.Nope={_folder}/nope.yaml").Should().Be(2);

        _error.ToString().Should().Contain("type Operators.Api.Nope not found");
        File.Exists(bb).Should().BeFalse();
    }

    [Test]
    public void Run_WithATypeThatIsNotAResource_ExplainsAndExits1()
    {
        Run(ApiAssembly, $"{typeof(BuildingBlockSpec).FullName}={_folder}/spec.yaml").Should().Be(1);
        _error.ToString().Should().Contain("[KubernetesEntity");
    }

    private int Run(params string[] args) => GeneratorCommand.Run(args, _output, _error);
}
