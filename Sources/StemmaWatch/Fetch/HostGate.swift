/// Holds requests to each host to `perHost` at once and starts them at least `delay` seconds
/// apart, so that a watcher of a thousand feeds never hammers one site.
actor HostGates {
    private struct Host {
        var inFlight = 0
        var nextStart: ContinuousClock.Instant
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let perHost: Int
    private var hosts: [String: Host] = [:]

    init(perHost: Int) {
        self.perHost = max(1, perHost)
    }

    /// Waits for a slot at `host` and for its delay since the last start, then takes the slot.
    func enter(_ host: String, delay: Double) async {
        if let state = hosts[host], state.inFlight >= perHost {
            // `leave` hands its slot over: the count stays as it is.
            await withCheckedContinuation { hosts[host]?.waiting.append($0) }
        } else {
            hosts[host, default: Host(nextStart: .now)].inFlight += 1
        }
        let start = max(hosts[host]?.nextStart ?? .now, .now)
        hosts[host]?.nextStart = start + .milliseconds(Int64(max(0, delay) * 1000))
        if start > .now { try? await Task.sleep(until: start, clock: .continuous) }
    }

    /// Gives the slot back, or hands it to the next waiting request.
    func leave(_ host: String) {
        guard var state = hosts[host] else { return }
        if !state.waiting.isEmpty {
            let next = state.waiting.removeFirst()
            hosts[host] = state
            next.resume()
            return
        }
        state.inFlight -= 1
        // An idle host past its delay is forgotten, so the table stays as small as the hosts in use.
        hosts[host] = state.inFlight == 0 && state.nextStart <= .now ? nil : state
    }
}
