import Foundation

/// Sets the author in a PDF's document information (Chromium sets the title and the
/// language from the page, but not the author), by an incremental update: the bytes
/// of the PDF stay as they are and a new version of the information dictionary, a
/// cross-reference section for it and a trailer pointing back at the old one follow.
public enum PDFAuthor {
    /// `pdf` with `author` as its /Author, or nil when the PDF's trailer or document
    /// information cannot be found (a PDF with a cross-reference stream, say).
    public static func adding(_ author: String, to pdf: [UInt8]) -> [UInt8]? {
        // Latin-1: one character per byte, whatever the streams hold.
        guard let text = String(bytes: pdf, encoding: .isoLatin1),
              let trailerStart = text.range(of: "trailer", options: .backwards),
              let startxref = text.range(of: "startxref", options: .backwards),
              trailerStart.upperBound <= startxref.lowerBound else { return nil }
        let trailer = String(text[trailerStart.upperBound..<startxref.lowerBound])
        let previous = text[startxref.upperBound...].split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == " " }).first.map(String.init)
        guard let previous, Int(previous) != nil,
              let size = number(after: "/Size", in: trailer),
              let root = reference(after: "/Root", in: trailer),
              let info = reference(after: "/Info", in: trailer),
              let object = text.range(of: "\n\(info) obj"),
              let end = text[object.upperBound...].range(of: "endobj") else { return nil }
        var dictionary = text[object.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        guard dictionary.hasPrefix("<<"), dictionary.hasSuffix(">>"), !dictionary.contains("/Author") else { return nil }
        dictionary.removeLast(2)
        dictionary += "\n/Author <FEFF" + author.utf16.map { hex($0) }.joined() + ">>>"
        var update = "\n"
        let objectOffset = pdf.count + update.utf8.count
        update += "\(info) obj\n\(dictionary)\nendobj\n"
        let xrefOffset = pdf.count + update.utf8.count
        let objectNumber = info.split(separator: " ")[0]
        update += "xref\n\(objectNumber) 1\n" + pad(objectOffset) + " 00000 n \n"
        update += "trailer\n<</Size \(size)\n/Root \(root) R\n/Info \(info) R\n/Prev \(previous)>>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        return pdf + Array(update.utf8)
    }

    private static func number(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key) else { return nil }
        let digits = text[range.upperBound...].drop(while: { $0 == " " || $0 == "\n" }).prefix(while: \.isNumber)
        return Int(digits)
    }

    /// `N G R` after `key`, as `N G`.
    private static func reference(after key: String, in text: String) -> String? {
        guard let range = text.range(of: key) else { return nil }
        let parts = text[range.upperBound...].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }).prefix(3)
        guard parts.count == 3, Int(parts[0]) != nil, Int(parts[1]) != nil, parts[2].hasPrefix("R") else { return nil }
        return "\(parts[0]) \(parts[1])"
    }

    private static func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    private static func pad(_ offset: Int) -> String {
        let digits = String(offset)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }
}
