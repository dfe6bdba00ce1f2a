import Foundation
// TEMPORARY: stands in for StemmaWeb's RobotsTxt until they land; deleted then.
struct RobotsTxt: Sendable {
    static func forStatus(_ status: Int, body: [UInt8]) -> RobotsTxt { RobotsTxt() }
    func allows(_ path: String, userAgent: String) -> Bool { !path.hasPrefix("/private") }
    func crawlDelay(userAgent: String) -> Double? { nil }
}
