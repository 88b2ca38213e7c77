/// What ``ReportFindingReader`` needs of one entry of a JSON report's `identities` table: the id
/// that results without a `subject` are about, and the owner of every result that refers to it.
struct ReportIdentityRow {
    var id: String?
    var owner: String?
}
