import GRDB
import GRDBSQLite

extension Database {
    /// The error of a statement stepped with the SQLite C API (`sqlite3_step` returned `code`),
    /// as GRDB would have thrown it.
    func stepError(_ code: Int32, _ statement: Statement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: statement.sql)
    }
}
