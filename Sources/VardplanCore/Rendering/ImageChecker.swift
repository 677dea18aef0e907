import VardplanDiagnostics
import VardplanMarkdown

/// Images in the texts: each `![alt](file)` must name an image file beside the
/// Markdown (or a path from it), of a type pages and printouts show, at most
/// `ContentImage.maximumSize`, with an alt text.
public enum ImageChecker {
    /// One `![alt](source)` with where it is written.
    public struct Reference: Sendable {
        public var source: String
        public var alt: String
        public var location: SourceLocation
    }

    /// Every image of a document, in reading order.
    public static func references(in document: MarkdownDocument) -> [Reference] {
        var result: [Reference] = []
        document.forEachInlineRun { run in
            run.forEachLink { index, isImage, image in
                guard isImage else { return }
                result.append(Reference(source: image.destination, alt: run.plainText(inside: index),
                                        location: image.location))
            }
        }
        return result
    }

    /// Whether a destination is an address elsewhere (`https://…`, `mailto:`) rather
    /// than a file of the content.
    static func isAddress(_ source: String) -> Bool {
        if source.hasPrefix("//") { return true }
        // ASCII (nearly every destination): bytes are characters, no `Character` walk.
        if let answer = source.utf8.withContiguousStorageIfAvailable(asciiIsAddress), let answer { return answer }
        guard let colon = source.firstIndex(of: ":") else { return false }
        let scheme = source[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// `isAddress` for ASCII bytes; `nil` when there is a byte over 0x7F.
    private static func asciiIsAddress(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var colon: Int?
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x80 { return nil }
            if colon == nil, byte == UInt8(ascii: ":") { colon = index }
        }
        guard let colon, colon > 0 else { return false }
        for byte in bytes[..<colon] {
            let letterOrDigit = (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            if !letterOrDigit && byte != UInt8(ascii: "+") && byte != UInt8(ascii: "-") && byte != UInt8(ascii: ".") {
                return false
            }
        }
        return true
    }

    /// The content image a destination written in the file at `sourcePath` (relative to
    /// the content folder, as images are keyed) names, if any.
    public static func image(_ source: String, from sourcePath: String, in images: [String: ContentImage]) -> ContentImage? {
        guard !images.isEmpty, !isAddress(source), !source.isEmpty else { return nil }
        let directory = sourcePath.lastSlash.map { String(sourcePath[..<$0]) } ?? ""
        let target = LinkResolver.normalize(directory, source.removingPercentEncodingIfPossible)
        return images[target]
    }

    /// The problems of one document's images: errors for a missing file, an
    /// unsupported type, a file over the limit and an empty alt text.
    public static func problems(in document: MarkdownDocument, images: [String: ContentImage]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for reference in references(in: document) {
            if reference.alt.trimmingSpaces.isEmpty {
                result.append(.imageWithoutAlt(reference.source, at: reference.location))
            }
            guard !isAddress(reference.source) else { continue }
            let type = ContentImage.fileExtension(reference.source) ?? ""
            if ContentImage.mediaTypes[type] == nil {
                result.append(.imageTypeUnsupported(reference.source, supported: ContentImage.mediaTypes.keys.sorted(),
                                                    at: reference.location))
                continue
            }
            guard let image = image(reference.source, from: document.sourcePath, in: images) else {
                result.append(.imageFileMissing(reference.source, at: reference.location))
                continue
            }
            if let size = image.oversize {
                result.append(.imageTooLarge(reference.source, size: size, limit: ContentImage.maximumSize, at: reference.location))
            }
        }
        return result
    }
}
