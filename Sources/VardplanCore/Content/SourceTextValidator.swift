#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VardplanDiagnostics

/// Checks that a file's bytes are text we can parse: valid UTF-8, no NUL bytes,
/// not larger than a step could sensibly be.
public enum SourceTextValidator {
    /// Files above this size are reported instead of parsed (a step is one page).
    public static let maximumFileSize = 1 << 20

    /// Appends a diagnostic and returns `false` when the file is not usable text.
    public static func validate(_ file: SourceFile, diagnostics: inout Diagnostics) -> Bool {
        let bytes = file.bytes
        if bytes.count > maximumFileSize {
            diagnostics.append(.contentFileTooLarge(size: bytes.count, at: file.location(line: 1, column: 1)))
            return false
        }
        let nul = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        if let offset = nul {
            diagnostics.append(.nulByte(at: file.location(ofOffset: offset)))
            return false
        }
        if let offset = SourceText.firstInvalidUTF8Offset(bytes) {
            diagnostics.append(.invalidUTF8(byte: bytes[offset], at: file.location(ofOffset: offset)))
            return false
        }
        return true
    }
}
