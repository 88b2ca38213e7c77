import CrosswalkCore
import Testing

@Suite struct PendingValueTests {
    @Test func aValueStartedOnAThreadIsTheSameForEveryReaderAndEveryRead() {
        let started = Locked(0)
        let pending = PendingValue<[Int]>.start(on: ThreadedRunner(width: 2)) {
            started.update { $0 += 1 }
            return Array(0..<10_000).map { $0 * $0 }
        }
        let reads = Locked<[[Int]]>([])
        ThreadedRunner(width: 4).run(8) { _ in
            let first = pending.value
            let second = pending.value
            reads.update { $0 += [first, second] }
        }
        let expected = Array(0..<10_000).map { $0 * $0 }
        #expect(reads.value == Array(repeating: expected, count: 16))
        #expect(started.value == 1, "the work runs once, however often it is read")
    }

    @Test func aRunnerWithoutThreadsWorksItOutBeforeStartReturns() {
        let order = Locked<[String]>([])
        let pending = PendingValue.start(on: SerialRunner()) {
            order.update { $0.append("work") }
            return "ready"
        }
        order.update { $0.append("started") }
        #expect(pending.value == "ready")
        #expect(order.value == ["work", "started"])
    }

    @Test func aReadyValueIsReadAsGiven() {
        #expect(PendingValue(ready: 42).value == 42)
    }
}
