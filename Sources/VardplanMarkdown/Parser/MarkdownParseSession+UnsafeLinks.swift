import VardplanDiagnostics

/// Links and images whose address could run a script or reach into the reader's own
/// computer (`javascript:`, `vbscript:`, `data:`, `file:`): cmark publishes them with
/// an empty address, so a writer would never see that the link does nothing. They
/// are errors at the address.
extension MarkdownParseSession {
    /// Reports the link or image starting at `linkStart` when its destination is one
    /// of the refused kinds (`MarkdownURLEscaper.isDangerous`).
    func checkDestination(_ destination: String, image: Bool, linkStart: SourceLocation) {
        guard MarkdownURLEscaper.isDangerous(destination) else { return }
        let scheme = Self.scheme(of: destination)
        let location = destinationLocation(scheme: scheme, after: linkStart)
        let diagnostic = Diagnostic.markdownUnsafeAddress(destination, scheme: scheme, image: image, at: location)
        // A table's cells are parsed again: report each address once.
        guard !diagnostics.all.contains(where: { $0.location == location && $0.message == diagnostic.message }) else { return }
        diagnostics.append(diagnostic)
    }

    /// The scheme, lowercased, with its colon.
    static func scheme(of destination: String) -> String {
        let prefix = destination.utf8.prefix { $0 != UInt8(ascii: ":") }
        return String(decoding: prefix, as: UTF8.self).lowercased() + ":"
    }

    /// Where the destination is written: the first occurrence of its scheme (in any
    /// case) after the link's start, in the same paragraph; the link's start when it
    /// is not there (a reference link whose definition is elsewhere, an escaped colon).
    func destinationLocation(scheme: String, after linkStart: SourceLocation) -> SourceLocation {
        let position = linkStart.position
        guard position.line >= 1, position.line <= file.lineCount else { return linkStart }
        let bytes = file.bytes
        var offset = file.lineStart(position.line - 1)
        var column = 1
        while column < position.column, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        let pattern = Array(scheme.utf8)
        var index = offset
        while index + pattern.count <= bytes.count {
            if bytes[index] == 0x0A {
                // A blank line ends the paragraph.
                var next = index + 1
                while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x0D { next += 1 }
                if next >= bytes.count || bytes[next] == 0x0A { break }
            }
            var matches = true
            for (shift, expected) in pattern.enumerated() {
                let byte = bytes[index + shift]
                let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                if lowered != expected { matches = false; break }
            }
            if matches { return SourceLocation(path: file.path, position: file.position(ofOffset: index)) }
            index += 1
        }
        return linkStart
    }
}
