import GRDB

extension Row {
    /// SQLite's default limit on a string or blob (`SQLITE_MAX_LENGTH`): no stored length can exceed it.
    static let maximumLength = 1_000_000_000

    /// The value of `column`, converted, or ``StoreError/corruptValue(column:reason:)``.
    ///
    /// GRDB's subscript traps on a NULL or a value of another type; a damaged or edited file must
    /// give an error instead (issue 11), so every column read from the store goes through here.
    func checked<Value: DatabaseValueConvertible>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        do {
            return try decode(type, forColumn: column)
        } catch {
            throw StoreError.corruptValue(column: column, reason: "\(self[column] as DatabaseValue) is not a valid \(type)")
        }
    }

    /// The value at `index` in a row of a statement listing its columns, checked as ``checked(_:as:)`` is.
    func checked<Value: DatabaseValueConvertible>(_ index: Int, as type: Value.Type = Value.self) throws -> Value {
        do {
            return try decode(type, atIndex: index)
        } catch {
            let column = index < count ? columnNames[columnNames.index(columnNames.startIndex, offsetBy: index)] : "column \(index)"
            throw StoreError.corruptValue(column: column, reason: "\(self[index] as DatabaseValue) is not a valid \(type)")
        }
    }

    /// The value of an integer column that holds a length or an offset: checked to lie in `range`.
    func checkedCount(_ column: String, in range: ClosedRange<Int> = 0...Row.maximumLength) throws -> Int {
        let value: Int = try checked(column)
        guard range.contains(value) else {
            throw StoreError.corruptValue(column: column, reason: "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }
}
