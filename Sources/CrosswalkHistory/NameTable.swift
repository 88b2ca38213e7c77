import GRDB

/// One of the history's interning tables (`control`, `subject`, `owner`): each name stored once,
/// referred to everywhere else by a small integer. Loaded into memory for a run's comparison.
struct NameTable {
    let table: String
    private(set) var ids: [String: Int64] = [:]

    /// The table's names, read from `db`.
    init(_ table: String, in db: Database) throws {
        self.table = table
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name FROM \(table)")
        while let row = try rows.next() {
            ids[row[1] as String] = row[0] as Int64
        }
    }

    /// The id of `name`, or nil when it was never stored.
    func id(of name: String) -> Int64? { ids[name] }

    /// The id of `name`, storing it first when it is new.
    mutating func intern(_ name: String, in db: Database) throws -> Int64 {
        if let id = ids[name] { return id }
        let statement = try db.cachedStatement(sql: "INSERT INTO \(table) (name) VALUES (?)")
        try statement.execute(arguments: [name])
        let id = db.lastInsertedRowID
        ids[name] = id
        return id
    }

    /// Names by id, for turning stored rows back into text.
    func namesByID() -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: ids.map { ($0.value, $0.key) })
    }
}
