import CFuzzerDriver

#if canImport(Glibc)
    import Glibc
#endif

/// What a fuzz executable does with one input: feed it to Crosswalk and return 0.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Hands the process to libFuzzer's driver, which reads libFuzzer's usual command line
/// (corpus folders, `-max_total_time=N`, `-runs=0`, …) and calls `callback` on each input.
public func runFuzzer(_ callback: FuzzCallback) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
}
