// The libFuzzer entry points of the one fuzzing binary, `.build/fuzz/vardplan-fuzz`,
// built by scripts/fuzz (Fuzz/build.py): each library target of the package is compiled as
// its own module with `-sanitize=fuzzer,address -enable-testing`, then this folder as the
// module VardplanFuzz, whose `@testable import`s reach internal API such as `BodyRenderer`.
//
// The binary holds every target; which one runs is the name it was started under:
// scripts/fuzz links `.build/fuzz/yaml`, `json`, … to it, so `.build/fuzz/yaml CRASH-FILE`
// replays an input on the `yaml` target.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every fuzz target by name.
let fuzzTargets: [String: (UnsafePointer<UInt8>?, Int) -> Void] = [
    "yaml": fuzzYAML,
    "json": fuzzJSON,
    "manifest": fuzzManifest,
    "template": fuzzTemplate,
    "markdown": fuzzMarkdown,
    "index": fuzzIndex,
]

nonisolated(unsafe) var selectedTarget: ((UnsafePointer<UInt8>?, Int) -> Void)?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>,
                           _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let program = argv.pointee?.pointee.map { String(cString: $0) } ?? ""
    let name = program.split(separator: "/").last.map(String.init) ?? ""
    guard let target = fuzzTargets[name] else {
        let known = fuzzTargets.keys.sorted().joined(separator: ", ")
        fputs("vardplan-fuzz: started as '\(name)'; run it through a link named after a target (\(known)), "
              + "as scripts/fuzz does\n", stderr)
        exit(2)
    }
    if name == "manifest" { _ = PrintFixture.shared }
    selectedTarget = target
    slowestInputPath = getenv("VARDPLAN_FUZZ_SLOWEST").map { String(cString: $0) }
    return 0
}

/// Where the slowest input so far is kept (with `.txt`: its time in seconds and size),
/// from VARDPLAN_FUZZ_SLOWEST; libFuzzer itself reports it only in whole seconds. The time
/// is the thread's CPU time: on a shared machine, wall time mostly measures the others.
nonisolated(unsafe) var slowestInputPath: String?
nonisolated(unsafe) var slowestSeconds = 0.0

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
    selectedTarget!(data, size)
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
    let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    if seconds > slowestSeconds, let path = slowestInputPath {
        slowestSeconds = seconds
        keepSlowest(data, size, seconds: seconds, at: path)
    }
    return 0
}

private func keepSlowest(_ data: UnsafePointer<UInt8>?, _ size: Int, seconds: Double, at path: String) {
    guard let file = fopen(path, "wb") else { return }
    if let data, size > 0 { fwrite(data, 1, size, file) }
    fclose(file)
    guard let note = fopen(path + ".txt", "w") else { return }
    fputs("\(seconds) \(size)\n", note)
    fclose(note)
}
