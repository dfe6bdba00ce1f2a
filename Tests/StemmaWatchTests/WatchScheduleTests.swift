import StemmaWatch
import Testing

@Suite struct WatchScheduleTests {
    let schedule = WatchSchedule.standard

    static let intervals: [(age: Double, interval: Double)] = [
        (600, 900), (3 * 3600 - 1, 900), (3 * 3600, 3600), (2 * 86_400, 6 * 3600), (10 * 86_400, 86_400),
    ]

    @Test func intervalsDecayWithTheAgeOfTheLastChange() {
        for (age, interval) in Self.intervals {
            #expect(schedule.interval(sinceChange: age) == interval, "age \(age)")
        }
    }

    @Test func aPageIsNoLongerCheckedAfterWatchForWithoutAChange() {
        let now = 1_000_000_000.0
        #expect(schedule.nextCheck(now: now, lastChange: now - 31 * 86_400) == nil)
        #expect(schedule.nextCheck(now: now, lastChange: now) == now + 900)
        // The last check falls on the end of the watch, not past it.
        #expect(schedule.nextCheck(now: now, lastChange: now - 30 * 86_400 + 60) == now + 60)
    }

    @Test func failuresBackOffExponentiallyUpToADayAndHonourRetryAfter() {
        let now = 0.0
        #expect(schedule.nextCheck(afterFailure: 1, now: now, lastChange: now) == 900)
        #expect(schedule.nextCheck(afterFailure: 3, now: now, lastChange: now) == 3600)
        #expect(schedule.nextCheck(afterFailure: 20, now: now, lastChange: now) == 86_400)
        #expect(schedule.nextCheck(afterFailure: 1, now: now, lastChange: now, retryAfter: 7200) == 7200)
    }

    @Test func schedulesParseAndBadOnesSayWhy() throws {
        let parsed = try WatchSchedule(parsing: "10m<2h,2h", watchFor: 86_400)
        #expect(parsed.steps == [.init(interval: 600, until: 7200), .init(interval: 7200, until: nil)])
        #expect(throws: WatchDuration.Error.self) { try WatchSchedule(parsing: "10m,1h<2h", watchFor: 1) }
        #expect(throws: WatchDuration.Error.self) { try WatchSchedule(parsing: "1h<2h,1h<1h,1d", watchFor: 1) }
        #expect(throws: WatchDuration.Error.self) { try WatchSchedule(parsing: "soon", watchFor: 1) }
        #expect(try WatchDuration.seconds("1.5h") == 5400)
        #expect(try WatchDuration.seconds("2") == 2)
    }
}
