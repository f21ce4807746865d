using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Conformance;

public sealed class BodyPreparerTests
{
    [Test]
    public void Managed_fields_self_links_and_storage_version_hashes_are_dropped() =>
        BodyPreparer.Prepare(TestJson.Parse("""
            {'metadata': {'name': 'a', 'selfLink': '/x', 'managedFields': [{'manager': 'm'}]},
             'resources': [{'name': 'configmaps', 'storageVersionHash': 'abc'}],
             'spec': {'managedFields': 'kept outside metadata'}}
            """))
            .ShouldBeJson("{'metadata': {'name': 'a'}, 'resources': [{'name': 'configmaps'}], 'spec': {'managedFields': 'kept outside metadata'}}");

    [Test]
    public void Table_column_descriptions_are_dropped_and_age_and_date_cells_become_age() =>
        BodyPreparer.Prepare(TestJson.Parse("""
            {'kind': 'Table', 'columnDefinitions': [
                {'name': 'Name', 'type': 'string', 'description': 'the name'},
                {'name': 'Age', 'type': 'string', 'description': 'age'},
                {'name': 'Created', 'type': 'date'}],
             'rows': [{'cells': ['a', '5s', '2024-01-01T00:00:00Z']}, {'cells': ['b']}]}
            """))
            .ShouldBeJson("""
            {'kind': 'Table', 'columnDefinitions': [
                {'name': 'Name', 'type': 'string'}, {'name': 'Age', 'type': 'string'}, {'name': 'Created', 'type': 'date'}],
             'rows': [{'cells': ['a', '<age>', '<age>']}, {'cells': ['b']}]}
            """);
}
