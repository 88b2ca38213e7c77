import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line of a JSON Lines file: its number and byte range (without the line feed).
struct JSONLinesLine: Sendable {
    var number: Int
    var range: Range<Int>
    /// Whether the line is an identity record the fast decoder should try (not blank, not the header).
    var isRecord: Bool
}

/// Runs ``IdentityRecordDecoder`` over a batch of lines on several threads. Decoding only: the
/// results come back in line order and the loader applies them in that order, so what it
/// reports does not depend on how many threads decoded.
enum JSONLinesBatchDecoder {
    /// Lines the loader hands over at a time: enough to keep the threads busy, few enough that the
    /// decoded records waiting to be applied stay small.
    static let batchSize = 4096

    /// The processors the system has online: how many threads decode by default.
    static var processorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// Starts decoding `lines`: in the background when `workers` is more than one, so the caller
    /// can apply the previous batch meanwhile; on the calling thread otherwise. `bytes` must stay
    /// valid until ``DecodingBatch/results()`` has returned.
    static func start(
        _ lines: [JSONLinesLine],
        in bytes: UnsafeBufferPointer<UInt8>,
        workers: Int,
        roleIDs: RoleIDTable? = nil
    ) -> DecodingBatch {
        let batch = DecodingBatch()
        guard workers > 1, lines.count > 1 else {
            batch.decoded = decode(lines, in: bytes, roleIDs: roleIDs)
            return batch
        }
        let output = UnsafeMutableBufferPointer<DecodedIdentityRecord?>.allocate(capacity: lines.count)
        output.initialize(repeating: nil)
        batch.output = output
        let job = DecodingJob(lines: lines, bytes: bytes, output: output, roleIDs: roleIDs)
        let threads = min(workers, queues.count)
        let chunks = min(lines.count, threads * 4)
        for thread in 0..<threads {
            queues[thread].async(group: batch.group) {
                for chunk in stride(from: thread, to: chunks, by: threads) {
                    job.decode((lines.count * chunk / chunks)..<(lines.count * (chunk + 1) / chunks))
                }
            }
        }
        return batch
    }

    /// One serial queue per decoding thread (at least four, so tests can ask for more threads
    /// than the machine has). Serial queues are served by Dispatch's overcommitting threads, so a
    /// batch does not wait for a thread of the shared pool, which the controls judging earlier
    /// batches hold. Decoding through the shared pool (one task that split the batch with
    /// `concurrentPerform`) took more time and CPU at a million identities.
    private static let queues: [DispatchQueue] = (0..<max(processorCount, 4)).map {
        DispatchQueue(label: "crosswalk.decode.\($0)")
    }

    /// The offset of the first line feed at or after `start`, or the end of `bytes`.
    static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress else { return bytes.count }
        guard let found = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The decoded record for each line, nil where the line needs the tree reader (or is not a
    /// record), decoded on the calling thread.
    static func decode(
        _ lines: [JSONLinesLine],
        in bytes: UnsafeBufferPointer<UInt8>,
        roleIDs: RoleIDTable? = nil
    ) -> [DecodedIdentityRecord?] {
        var results = [DecodedIdentityRecord?](repeating: nil, count: lines.count)
        results.withUnsafeMutableBufferPointer { output in
            DecodingJob(lines: lines, bytes: bytes, output: output, roleIDs: roleIDs).decode(0..<lines.count)
        }
        return results
    }
}

/// One batch being decoded: the file's bytes, read by every thread, and the results, which each
/// thread writes only at the positions of its own chunks of lines. Both buffers outlive the
/// threads' work, which the reader of the results waits for; that is what makes sharing them
/// across threads sound.
private struct DecodingJob: @unchecked Sendable {
    let lines: [JSONLinesLine]
    let bytes: UnsafeBufferPointer<UInt8>
    let output: UnsafeMutableBufferPointer<DecodedIdentityRecord?>
    let roleIDs: RoleIDTable?

    func decode(_ chunk: Range<Int>) {
        for position in chunk where lines[position].isRecord {
            output[position] = IdentityRecordDecoder.decode(
                UnsafeBufferPointer(rebasing: bytes[lines[position].range]),
                roleIDs: roleIDs
            )
        }
    }
}

/// A batch of lines being decoded, possibly in the background.
final class DecodingBatch: @unchecked Sendable {
    /// The records, when decoded on the caller's thread.
    fileprivate var decoded: [DecodedIdentityRecord?] = []
    /// Where the decoding threads write, each at its own lines' positions, until they leave
    /// `group`; read only after waiting on it.
    fileprivate var output: UnsafeMutableBufferPointer<DecodedIdentityRecord?>?
    fileprivate let group = DispatchGroup()

    deinit {
        guard let output else { return }
        group.wait()
        output.deinitialize()
        output.deallocate()
    }

    /// The decoded records, once decoding is done (waits for it), handed over: the batch keeps
    /// none, so the identities they hold have no other owner and can later be numbered in place.
    func results() -> [DecodedIdentityRecord?] {
        group.wait()
        if let output {
            self.output = nil
            decoded = Array(unsafeUninitializedCapacity: output.count) { buffer, count in
                if let target = buffer.baseAddress, let source = output.baseAddress {
                    target.moveInitialize(from: source, count: output.count)
                }
                count = output.count
            }
            output.deallocate()
        }
        var records: [DecodedIdentityRecord?] = []
        swap(&records, &decoded)
        return records
    }
}
