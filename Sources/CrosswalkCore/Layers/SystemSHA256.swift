#if CROSSWALK_LIBCRYPTO
    import CLibCrypto

    /// SHA-256 of short messages through the system's libcrypto, for finding ids (``FindingID``):
    /// millions per run, one per finding. The context lives on the stack, so a message costs its
    /// hashing and no allocation; libcrypto uses the processor's SHA instructions where there are
    /// some. Built only where the machine has libcrypto (Package.swift).
    enum SystemSHA256 {
        /// The first 8 bytes of the SHA-256 of `message`, big-endian; nil when libcrypto reports
        /// a failure.
        static func prefix(of message: UnsafeRawBufferPointer) -> UInt64? {
            var context = SHA256_CTX()
            var digest: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            let hashed = withUnsafeMutableBytes(of: &digest) { output -> Bool in
                guard let output = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
                return SHA256_Init(&context) == 1
                    && SHA256_Update(&context, message.baseAddress, message.count) == 1
                    && SHA256_Final(output, &context) == 1
            }
            return hashed ? UInt64(bigEndian: digest.0) : nil
        }
    }
#endif
