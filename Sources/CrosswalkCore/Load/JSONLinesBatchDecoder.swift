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
        workers: Int
    ) -> DecodingBatch {
        let batch = DecodingBatch()
        guard workers > 1 else {
            batch.decoded = decode(lines, in: bytes, workers: 1)
            return batch
        }
        let input = SharedBytes(bytes: bytes)
        DispatchQueue.global().async(group: batch.group) {
            batch.decoded = decode(lines, in: input.bytes, workers: workers)
        }
        return batch
    }

    /// The offset of the first line feed at or after `start`, or the end of `bytes`.
    static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress else { return bytes.count }
        guard let found = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The decoded record for each line, nil where the line needs the tree reader (or is not a
    /// record). `workers` is the number of threads to use; 1 decodes on the calling thread.
    static func decode(
        _ lines: [JSONLinesLine],
        in bytes: UnsafeBufferPointer<UInt8>,
        workers: Int
    ) -> [DecodedIdentityRecord?] {
        var results = [DecodedIdentityRecord?](repeating: nil, count: lines.count)
        guard !lines.isEmpty else { return results }
        results.withUnsafeMutableBufferPointer { output in
            let job = DecodingJob(lines: lines, bytes: bytes, output: output)
            guard workers > 1, lines.count > 1 else {
                job.decode(0..<lines.count)
                return
            }
            // More chunks than threads, so a thread that drew short lines takes another chunk.
            let chunks = min(lines.count, workers * 4)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                job.decode((lines.count * chunk / chunks)..<(lines.count * (chunk + 1) / chunks))
            }
        }
        return results
    }
}

/// One batch being decoded: the file's bytes, read by every thread, and the results, which each
/// thread writes only at the positions of its own chunk of lines. Both buffers outlive the
/// concurrent loop, which returns only when every chunk is done; that is what makes sharing
/// them across threads sound.
private struct DecodingJob: @unchecked Sendable {
    let lines: [JSONLinesLine]
    let bytes: UnsafeBufferPointer<UInt8>
    let output: UnsafeMutableBufferPointer<DecodedIdentityRecord?>

    func decode(_ chunk: Range<Int>) {
        for position in chunk where lines[position].isRecord {
            output[position] = IdentityRecordDecoder.decode(UnsafeBufferPointer(rebasing: bytes[lines[position].range]))
        }
    }
}

/// A batch of lines being decoded, possibly in the background.
final class DecodingBatch: @unchecked Sendable {
    // Written once by the decoding thread before it leaves `group`, read only after waiting on it.
    fileprivate var decoded: [DecodedIdentityRecord?] = []
    fileprivate let group = DispatchGroup()

    /// The decoded records, once decoding is done (waits for it), handed over: the batch keeps
    /// none, so the identities they hold have no other owner and can later be numbered in place.
    func results() -> [DecodedIdentityRecord?] {
        group.wait()
        var records: [DecodedIdentityRecord?] = []
        swap(&records, &decoded)
        return records
    }
}

/// The file's bytes handed to a background decoder; the loader keeps them alive and waits for
/// the decoder before letting go, and nothing writes to them.
private struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}
