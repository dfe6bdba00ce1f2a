import GRDB
import GRDBSQLite

/// A cached statement whose parameters and result columns are all integers, bound and read with
/// the SQLite C API: on the add path GRDB's argument arrays and row values cost more than the
/// B-tree work of these statements (tens of them per document).
struct IntegerStatement {
    let statement: Statement
    let db: Database

    init(_ sql: String, in db: Database) throws {
        self.statement = try db.cachedStatement(sql: sql)
        self.db = db
    }

    /// Runs the statement with `values` bound to its parameters in order, calling `row` for each
    /// result row with a function reading column `i` as an integer.
    func run(_ values: some Collection<Int64>, row: ((Int32) -> Int64) -> Void = { _ in }) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (index, value) in values.enumerated() {
            sqlite3_bind_int64(handle, Int32(index + 1), value)
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                sqlite3_reset(handle)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
            row { sqlite3_column_int64(handle, $0) }
        }
        sqlite3_reset(handle)
    }
}

/// Splits `values` into chunks of exactly `size`, the last one padded with repeats of its last
/// value, so `IN (?, …)` lists of one length serve every chunk from one cached statement
/// (repeats do not change an `IN`).
func paddedChunks<T>(_ values: [T], size: Int) -> [[T]] {
    stride(from: 0, to: values.count, by: size).map { start in
        var chunk = Array(values[start..<min(start + size, values.count)])
        while chunk.count < size, let last = chunk.last { chunk.append(last) }
        return chunk
    }
}

func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ",")
}
