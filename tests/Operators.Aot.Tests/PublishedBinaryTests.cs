using System.Runtime.Versioning;
using FluentAssertions;

namespace Operators.Aot.Tests;

/// <summary>What <c>make aot</c> leaves for each operator: one native executable, no managed assemblies.</summary>
[SupportedOSPlatform("linux")]
public class PublishedBinaryTests
{
    private static readonly byte[] ElfMagic = [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    [TestCase("building-block")]
    [TestCase("nova-agent")]
    [TestCase("maintenance-notifier")]
    public async Task PublishedOperator_IsOneNativeExecutableWithNoManagedAssemblyBesideIt(string name)
    {
        var program = PublishedOperator.Named(name);
        var binary = PublishedOperator.Require(program);

        var header = new byte[ElfMagic.Length];
        await using (var file = File.OpenRead(binary))
        {
            await file.ReadExactlyAsync(header);
        }

        header.Should().Equal(ElfMagic, $"{binary} is a native ELF executable, not a managed apphost plus dll");
        File.GetUnixFileMode(binary).Should().HaveFlag(UnixFileMode.UserExecute);
        Directory.GetFiles(PublishedOperator.FolderOf(program), "*.dll").Should().BeEmpty($"NativeAOT compiles {program.Project}.dll and its dependencies into the executable");
        File.Exists(Path.Combine(PublishedOperator.FolderOf(program), program.Project + ".runtimeconfig.json")).Should().BeFalse("a native executable needs no .NET runtime");
    }
}
