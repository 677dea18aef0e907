import Foundation
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

    var pageNumbers: PageNumbers?
    /// The site's address (`site.yaml`'s `base_url`), ending in `/`, if known.
    var baseURL: String?
    /// For the nurse's page, where every step is printed and its script hides some: the
    /// site path of every step and module (`steg-ID`, `modul-ID`), so each reference
    /// carries the note for when its target is hidden, itself hidden
    /// (`data-left-out`; the script shows it).
    var addresses: [String: String]? = nil

    /// `html` with every in-document reference finished.
    func finish(_ html: String) -> String {
        guard html.contains("<a href=\"#") else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let start = rest.range(of: "<a href=\"#") {
            output += rest[..<start.lowerBound]
            let afterHref = rest[start.upperBound...]
            guard let quote = afterHref.firstIndex(of: "\""),
                  let openEnd = afterHref[quote...].firstIndex(of: ">"),
                  let close = afterHref[openEnd...].range(of: "</a>") else {
                output += rest[start.lowerBound...]
                return output
            }
            let target = String(afterHref[..<quote])
            let inner = afterHref[afterHref.index(after: openEnd)..<close.lowerBound]
            let whole = rest[start.lowerBound..<close.upperBound]
            rest = rest[close.upperBound...]
            if target.hasPrefix("utanfor:") {
                let path = String(target.dropFirst("utanfor:".count))
                output += "<span class=\"ref-left-out\">" + inner + "</span>"
                output += note(path: path, hiddenFor: nil)
                continue
            }
            output += whole
            if let path = addresses?[target] {
                output += note(path: path, hiddenFor: target)
            }
            let heading: String? = target.hasPrefix("steg-") ? "rubrik-" + target
                : target.hasPrefix("modul-") ? "rubrik-" + target : nil
            if let heading, let page = pageNumbers?.page(of: heading) {
                output += "<span class=\"page-ref\"> (" + Self.seePage + "\u{00A0}\(page))</span>"
            }
        }
        output += rest
        return output
    }

    /// " (ingår inte i din vårdplan, finns på ADDRESS)" for a target not printed; for
    /// the nurse's page, hidden and marked with the target it stands for.
    private func note(path: String, hiddenFor target: String?) -> String {
        var output = "<span class=\"ref-note\""
        if let target { output += " data-left-out=\"" + HTMLEscaper.escape(target) + "\" hidden" }
        output += "> (" + Self.notInPlan + ", "
        if let baseURL {
            output += Self.foundAt + " <span class=\"ref-address\">" + HTMLEscaper.escape(baseURL + path) + "</span>"
        } else {
            output += Self.askNurse
        }
        return output + ")</span>"
    }
}
