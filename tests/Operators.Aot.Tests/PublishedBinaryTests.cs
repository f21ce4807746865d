using System.Runtime.Versioning;
using FluentAssertions;

namespace Operators.Aot.Tests;

/// <summary>
/// What <c>make aot</c> leaves for an operator: one native executable, no managed assemblies. <c>make test</c>
/// publishes the nova-agent only (an AOT publish takes about 3 minutes on 2 cores); <c>make aot</c> publishes all three.
/// </summary>
[SupportedOSPlatform("linux")]
public class PublishedBinaryTests
{
    private static readonly byte[] ElfMagic = [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    [TestCase("nova-agent")]
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
