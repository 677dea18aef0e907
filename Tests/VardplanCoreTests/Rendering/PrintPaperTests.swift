import Foundation
import Testing
@testable import VardplanCore

/// Paper a patient can find their way in (issue 14): page numbers, references to steps
/// not printed, a heading once, the PDF's author.
@Suite("print: paper")
struct PrintPaperTests {
    private func print(_ manifest: String, pageNumbers: PageNumbers? = nil, content: String = Fixtures.siteContent) -> String {
        let job = PrintJob(content: DiskFileSystem(root: content), contentDisplay: "site",
                           templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
                           today: Fixtures.today, largePrint: false)
        return job.print(manifest: Fixtures.manifest(manifest), pageNumbers: pageNumbers).html ?? ""
    }

    @Test("pdfinfo's destinations give each heading's page; the first of a name wins; other lines are skipped")
    func destinations() {
        let text = """
            Page  Destination                 Name
               4 [ XYZ   11  842 null      ] "rubrik-modul-utredning"
               5 [ XYZ   11  672 null      ] "rubrik-steg-datortomografi"
               9 [ XYZ   11  672 null      ] "rubrik-steg-datortomografi"
            """
        let numbers = PageNumbers.parse(destinations: text)
        #expect(numbers.pages == ["rubrik-modul-utredning": 4, "rubrik-steg-datortomografi": 5])
        #expect(numbers.restricted(to: ["rubrik-steg-datortomografi", "avsnitt-saknas"]) == ["rubrik-steg-datortomografi": 5])
        #expect(PageNumbers.firstLayout.page(of: "anything") == 10)
    }

    @Test("without page numbers (HTML for a browser's print dialog) the contents and references show no page")
    func noPageNumbers() {
        let html = print("fresh.yaml")
        #expect(!html.contains("class=\"toc-page\""))
        #expect(!html.contains("se sidan"))
        #expect(html.contains("<li data-section=\"bilder\"><a href=\"#avsnitt-bilder\">"))
    }

    @Test("with page numbers every module, section and step in the contents has its page, and a reference ends with it")
    func withPageNumbers() {
        let numbers = PageNumbers(pages: ["rubrik-modul-utredning": 3, "avsnitt-bilder": 3, "rubrik-steg-datortomografi": 4,
                                          "rubrik-steg-magnetkamera": 5], placeholder: 9)
        let html = print("fresh.yaml", pageNumbers: numbers)
        #expect(html.contains("<a href=\"#rubrik-modul-utredning\"><span class=\"toc-title\">"))
        #expect(html.contains("<a href=\"#avsnitt-bilder\"><span class=\"toc-title\">"))
        #expect(html.contains("<span class=\"toc-page\">3</span></a>"))
        // A heading whose page is not known shows the placeholder; none goes without a number.
        #expect(html.contains("<span class=\"toc-page\">9</span>"))
        #expect(html.components(separatedBy: "<span class=\"toc-title\">").count == html.components(separatedBy: "<span class=\"toc-page\">").count)
        let references = PrintReferences(pageNumbers: numbers, baseURL: nil)
        #expect(references.finish("<p>Läs <a href=\"#steg-magnetkamera\" title=\"t\">om <em>MR</em></a> och <a href=\"#modul-utredning\">U</a>; <a href=\"#fotnot\">1</a></p>")
                == "<p>Läs <a href=\"#steg-magnetkamera\" title=\"t\">om <em>MR</em></a><span class=\"page-ref\"> (se sidan\u{00A0}5)</span> och "
                + "<a href=\"#modul-utredning\">U</a><span class=\"page-ref\"> (se sidan\u{00A0}3)</span>; <a href=\"#fotnot\">1</a></p>")
    }

    @Test("a reference to a step that is not printed says where it is on the site, not dead text")
    func leftOut() {
        let html = print("treatment.yaml")
        #expect(html.contains("<span class=\"ref-left-out\">Datortomografi</span><span class=\"ref-note\"> (ingår inte i din vårdplan, finns på <span class=\"ref-address\">https://example.org/mvp/testcancer/utredning/datortomografi.html</span>)</span>"))
        #expect(!html.contains("utanfor:"))
    }

    @Test("without the site's address a left-out reference sends the reader to the contact nurse")
    func leftOutWithoutAddress() {
        let references = PrintReferences(pageNumbers: nil, baseURL: nil)
        #expect(references.finish("<p>Se <a href=\"#utanfor:t/m/s.html\">S</a>.</p>")
                == "<p>Se <span class=\"ref-left-out\">S</span><span class=\"ref-note\"> (ingår inte i din vårdplan, fråga din kontaktsjuksköterska)</span>.</p>")
    }

    @Test("on the nurse's page every reference carries its left-out note, hidden for the page's script")
    func tailoringNotes() {
        let references = PrintReferences(pageNumbers: nil, baseURL: "https://x/", addresses: ["steg-s": "t/m/s.html"])
        #expect(references.finish("<a href=\"#steg-s\">S</a>")
                == "<a href=\"#steg-s\">S</a><span class=\"ref-note\" data-left-out=\"steg-s\" hidden> (ingår inte i din vårdplan, finns på <span class=\"ref-address\">https://x/t/m/s.html</span>)</span>")
    }

    @Test("a section holding one step with the section's title prints its heading once, at the section's level")
    func headingOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-paper-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Fixtures.siteContent, toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let section = folder + "/general/12-distresstermometern/01-skatta/_section.md"
        let text = try String(contentsOfFile: section, encoding: .utf8)
            .replacingOccurrences(of: "title: Skatta din oro", with: "title: Hur mycket oro har du känt den senaste veckan?")
        try text.write(toFile: section, atomically: true, encoding: .utf8)
        let html = print("forms.json", content: folder)
        #expect(html.components(separatedBy: ">Hur mycket oro har du känt den senaste veckan?</h").count == 2)
        #expect(html.contains("<h3 class=\"step-heading\" id=\"rubrik-steg-termometern\">"))
        #expect(!html.contains("id=\"avsnitt-skatta\""))
        #expect(!html.contains("data-section=\"skatta\"><a"))
        // The fixture as it is: the section and its differently titled step, both.
        let plain = print("forms.json")
        #expect(plain.contains("<h3 id=\"avsnitt-skatta\">Skatta din oro</h3>"))
        #expect(plain.contains("<h4 id=\"rubrik-steg-termometern\">"))
    }

    @Test("the PDF's author is added by an incremental update that points back at the original")
    func author() throws {
        let original = "%PDF-1.4\n1 0 obj\n<</Title (T)\n/Producer (Skia)>>\nendobj\n2 0 obj\n<</Type /Catalog>>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000055 00000 n \ntrailer\n<</Size 3\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n86\n%%EOF\n"
        let updated = try #require(PDFAuthor.adding("Rcc å", to: Array(original.utf8)))
        let text = String(decoding: updated, as: UTF8.self)
        #expect(text.hasPrefix(original))
        let tail = String(text.dropFirst(original.utf8.count))
        #expect(tail.contains("1 0 obj\n<</Title (T)\n/Producer (Skia)\n/Author <FEFF005200630063002000E5>>>\nendobj"))
        #expect(tail.contains("/Root 2 0 R\n/Info 1 0 R\n/Prev 86>>"))
        let offset = try #require(tail.range(of: "1 0 obj").map { original.utf8.count + tail.utf8.distance(from: tail.startIndex, to: $0.lowerBound) })
        #expect(tail.contains(String(format: "%010d 00000 n \n", offset)))
        #expect(PDFAuthor.adding("x", to: Array("%PDF-1.4\nno trailer".utf8)) == nil)
    }
}
