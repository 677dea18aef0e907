/// An image file in the content, beside the Markdown that shows it
/// (`![Så ligger du i kameran](mr-bild.png)`).
///
/// Images are copied to the site under `bilder/` and embedded in printouts as data,
/// so a printout stays one self-contained file.
public struct ContentImage: Sendable {
    /// Path inside the content folder (`diagnoses/x/04-utredning/01-bilder/mr.png`).
    public var relativePath: String
    /// The bytes, or nil when the file could not be read or is over the limit.
    public var bytes: [UInt8]?
    /// The file's size when it is over `maximumSize`.
    public var oversize: Int?

    /// The largest image: 1 MB. A patient's page or printout should load fast on a
    /// phone, and a larger photo is better scaled down before it is published.
    public static let maximumSize = 1 << 20

    /// File types the site and printouts show, with their media types.
    public static let mediaTypes = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
                                    "webp": "image/webp", "svg": "image/svg+xml"]
    /// Image types that are recognised but not shown (most browsers or printers cannot).
    public static let unsupportedTypes = ["bmp", "tif", "tiff", "heic", "heif", "avif", "psd", "raw", "ico", "eps"]

    /// The lowercased extension of a name (`png`), or nil.
    public static func fileExtension(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), let slash = Optional(name.lastSlash), slash.map({ $0 < dot }) ?? true
        else { return nil }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    public static func isImage(_ name: String) -> Bool {
        fileExtension(name).map { mediaTypes[$0] != nil || unsupportedTypes.contains($0) } ?? false
    }

    /// Where the site keeps the image: `bilder/<path in the content>`.
    public var sitePath: String { "bilder/" + relativePath }

    /// `data:image/png;base64,…` for a printout.
    public var dataURI: String? {
        guard let bytes, let type = Self.fileExtension(relativePath).flatMap({ Self.mediaTypes[$0] }) else { return nil }
        return "data:\(type);base64," + Base64.encode(bytes)
    }
}

/// Base64 without Foundation.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output = [UInt8]()
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 2 < bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)],
                       alphabet[Int(value >> 6 & 63)], alphabet[Int(value & 63)]]
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let value = UInt32(bytes[index]) << 16
            output += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], 0x3D, 0x3D]
        } else if rest == 2 {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            output += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)], 0x3D]
        }
        return String(decoding: output, as: UTF8.self)
    }
}
