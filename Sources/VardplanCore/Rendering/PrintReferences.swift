import Foundation
import VardplanDiagnostics
import VardplanHTML

/// In-document references of a printout, finished for paper: a link to a printed step
/// or module ends with "(se sidan N)" when the pages are known; a link to one that is
/// not printed becomes its text and where to find it — its address on the site, or
/// that the contact nurse can tell more when the site's address is unknown.
///
/// Works on the body HTML that `BodyRenderer` wrote with the addresses of
/// `PrintReferences.target(…)`: `#steg-ID` and `#modul-ID` for printed ones,
/// `#utanfor:PATH` for ones left out.
struct PrintReferences {
    /// The fixed words, in one place (to move into a strings file with the others).
    static let seePage = "se sidan"
    static let notInPlan = "ingår inte i din vårdplan"
    static let foundAt = "finns på"
    static let askNurse = "fråga din kontaktsjuksköterska"

    /// The prefix of the address of a step or module that is not printed.
    static let leftOutPrefix = "#utanfor:"

    private static let linkOpen = Array("<a href=\"#".utf8)
    private static let linkClose = Array("</a>".utf8)

    var pageNumbers: PageNumbers?
    /// The site's address (`site.yaml`'s `base_url`), ending in `/`, if known.
    var baseURL: String?
    /// For the nurse's page, where every step is printed and its script hides some: the
    /// site path of every step and module (`steg-ID`, `modul-ID`), so each reference
    /// carries the note for when its target is hidden, itself hidden
    /// (`data-left-out`; the script shows it).
    var addresses: [String: String]? = nil

    /// `html` with every in-document reference finished.
    ///
    /// Scans the UTF-8 bytes (every marker is ASCII, so every cut falls between
    /// characters): Foundation's `range(of:)` on `String` was 8 % of a printout.
    func finish(_ html: String) -> String {
        String(decoding: finish(utf8: Array(html.utf8)), as: UTF8.self)
    }

    /// `finish` of HTML given as UTF-8 bytes (as `MarkdownHTMLRenderer.renderUTF8` writes it),
    /// as bytes: the body goes into the page without becoming a `String`.
    func finish(utf8 bytes: [UInt8]) -> [UInt8] {
        let open = Self.linkOpen, close = Self.linkClose
        guard var start = SourceText.firstOffset(of: open, in: bytes, from: 0) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var copied = 0
        while true {
            let afterHref = start + open.count
            guard let quote = bytes[afterHref...].firstIndex(of: UInt8(ascii: "\"")),
                  let openEnd = bytes[quote...].firstIndex(of: UInt8(ascii: ">")),
                  let closeStart = SourceText.firstOffset(of: close, in: bytes, from: openEnd) else { break }
            let closeEnd = closeStart + close.count
            output += bytes[copied..<start]
            let target = String(decoding: bytes[afterHref..<quote], as: UTF8.self)
            let inner = bytes[(openEnd + 1)..<closeStart]
            copied = closeEnd
            if let path = target.afterPrefix("utanfor:") {
                output += "<span class=\"ref-left-out\">".utf8
                output += inner
                output += "</span>".utf8
                appendNote(path: path, hiddenFor: nil, to: &output)
            } else {
                output += bytes[start..<closeEnd]
                if let path = addresses?[target] {
                    appendNote(path: path, hiddenFor: target, to: &output)
                }
                // Only a printout with page numbers looks its heading up (the nurse's page has none).
                if let pageNumbers, target.hasPrefix("steg-") || target.hasPrefix("modul-"),
                   let page = pageNumbers.page(of: "rubrik-" + target) {
                    output += "<span class=\"page-ref\"> (\(Self.seePage)\u{00A0}\(page))</span>".utf8
                }
            }
            guard let next = SourceText.firstOffset(of: open, in: bytes, from: copied) else { break }
            start = next
        }
        output += bytes[copied...]
        return output
    }

    /// " (ingår inte i din vårdplan, finns på ADDRESS)" for a target not printed; for
    /// the nurse's page, hidden and marked with the target it stands for.
    /// Written straight into `output` (a nurse's page has one per link of every step).
    private func appendNote(path: String, hiddenFor target: String?, to output: inout [UInt8]) {
        func escaped(_ text: String) {
            var text = text
            text.withUTF8 { HTMLEscaper.appendEscaped($0, to: &output) }
        }
        output += #"<span class="ref-note""#.utf8
        if let target {
            output += #" data-left-out=""#.utf8
            escaped(target)
            output += #"" hidden"#.utf8
        }
        output += "> (".utf8
        output += Self.notInPlan.utf8
        output += ", ".utf8
        if let baseURL {
            output += Self.foundAt.utf8
            output += #" <span class="ref-address">"#.utf8
            escaped(baseURL)
            escaped(path)
            output += "</span>".utf8
        } else {
            output += Self.askNurse.utf8
        }
        output += ")</span>".utf8
    }
}
