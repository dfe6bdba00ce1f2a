/// Tables that hold data rather than lay out a page, which cleaning keeps whatever their links.
///
/// Readability's test: `role=presentation` is layout; a caption, `thead`, `tfoot` or `th` is data;
/// a table holding a table is layout; 10 rows or more, more than 4 columns, or more than 10 cells
/// is data.
struct DataTables {
    private var tables: Set<HTMLTree.Index> = []

    init(_ tree: HTMLTree) {
        tree.walk(from: HTMLTree.root) { index in
            let node = tree[index]
            guard !node.isText else { return false }
            if node.tag == .table, Self.isData(tree, index) { tables.insert(index) }
            return true
        }
    }

    func contains(_ index: HTMLTree.Index) -> Bool { tables.contains(index) }

    func isInside(_ index: HTMLTree.Index, _ tree: HTMLTree) -> Bool {
        guard !tables.isEmpty else { return false }
        var current = tree[index].parent
        while current >= 0 {
            if tables.contains(current) { return true }
            current = tree[current].parent
        }
        return false
    }

    private static func isData(_ tree: HTMLTree, _ table: HTMLTree.Index) -> Bool {
        if tree.string(.role, of: table)?.lowercased() == "presentation" { return false }
        var rows = 0
        var columns = 0
        var cellsInRow = 0
        var markers = false
        var nested = false
        tree.walk(from: table, enter: { index in
            let node = tree[index]
            guard !node.isText else { return false }
            switch node.tag {
            case .table where index != table: nested = true; return false
            case .caption, .thead, .tfoot, .th: markers = true
            case .tr: rows += 1; cellsInRow = 0
            case .td: cellsInRow += 1
            default: break
            }
            return true
        }, exit: { index in
            if tree[index].tag == .tr { columns = max(columns, cellsInRow) }
        })
        if nested { return false }
        if markers { return true }
        return rows >= 10 || columns > 4 || rows * columns > 10
    }
}
