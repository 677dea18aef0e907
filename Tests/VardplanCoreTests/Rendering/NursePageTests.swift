import Foundation
import Testing
@testable import VardplanCore

/// The nurse's page (`<diagnosis>/utskrift.html`, docs/nurse-page.md): the whole printout
/// from print.mustache, the controls, and a policy that allows no request.
@Suite("The nurse's page")
struct NursePageTests {
    static let built: [OutputFile] = SiteBuild.run(
        content: DiskFileSystem(root: Fixtures.siteContent), contentDisplay: "site",
        templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
        today: Fixtures.today, options: .init()).files

    static func text(_ path: String) -> String {
        built.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    static var page: String { text("testcancer/utskrift.html") }

    @Test("build writes one page per diagnosis, linked from the staff overview, not in the sitemap")
    func written() {
        #expect(!Self.page.isEmpty)
        #expect(Self.text("testcancer/personal.html").contains("<a href=\"utskrift.html\">"))
        #expect(!Self.text("sitemap.xml").contains("utskrift.html"))
    }

    @Test("the printout holds every module and step of the diagnosis, with data attributes")
    func everything() throws {
        let model = try #require(Fixtures.siteModel().model)
        let diagnosis = try #require(model.diagnoses.first { $0.id == "testcancer" })
        for module in diagnosis.modules {
            #expect(Self.page.contains("data-module=\"\(module.id)\""), "module \(module.id)")
            for step in module.steps {
                #expect(Self.page.contains("<article class=\"step\" id=\"steg-\(step.id)\" aria-labelledby=\"rubrik-steg-\(step.id)\" data-step=\"\(step.id)\">"),
                        "step \(step.id)")
                #expect(Self.page.contains("id=\"f-steg-\(step.id)\""), "control for \(step.id)")
                #expect(Self.page.contains("data-slot=\"comments\" data-step=\"\(step.id)\""), "comment slot for \(step.id)")
            }
        }
    }

    @Test("the Content-Security-Policy allows no request and exactly the page's own script and style")
    func policy() throws {
        let page = Self.page
        let policy = try #require(page.firstMatch(of: #/http-equiv="Content-Security-Policy" content="([^"]+)"/#)?.1)
        for directive in ["default-src 'none'", "connect-src 'none'", "form-action 'none'", "base-uri 'none'", "img-src 'none'"] {
            #expect(policy.contains(directive))
        }
        #expect(!policy.contains("unsafe"))
        let script = try #require(page.firstMatch(of: #/<script>([\s\S]*?)</script>/#)?.1)
        let style = try #require(page.firstMatch(of: #/<style>([\s\S]*?)</style>/#)?.1)
        // HTML escaping of the attribute turns ' into &#39;.
        let unescaped = String(policy).replacingOccurrences(of: "&#39;", with: "'")
        #expect(unescaped.contains("script-src " + SHA256.cspSource(for: String(script))))
        #expect(unescaped.contains("style-src " + SHA256.cspSource(for: String(style))))
        #expect(!page.contains("<script src") && !page.contains("<link rel=\"stylesheet\""))
    }

    @Test("without JavaScript the page says it needs it and links the staff overview; controls wait for the script")
    func noScript() {
        #expect(Self.page.contains("<noscript><p class=\"noscript\">Den här sidan behöver JavaScript."))
        #expect(Self.page.contains("<a href=\"personal.html\">översikten för vårdpersonal</a>"))
        #expect(Self.page.contains("<form id=\"plan\" class=\"tool-form\" hidden novalidate>"))
        #expect(Self.page.contains("role=\"region\" aria-labelledby=\"t-forhandsgranskning\" tabindex=\"0\" hidden>"))
    }

    @Test("the page holds no patient data: empty contacts, planning and comments, the default welcome")
    func noPatientData() {
        #expect(Self.page.contains("<tbody data-slot=\"contacts\">\n</tbody>"))
        #expect(Self.page.contains("<ul class=\"planning\" data-slot=\"planning\">\n</ul>"))
        #expect(!Self.page.contains("class=\"nurse-comment\""))
        #expect(Self.page.contains("Den har du och din kontaktsjuksköterska gjort tillsammans."))
    }

    @Test("the CLI printout carries the same data attributes and no page slots")
    func printoutAttributes() throws {
        let result = PrintJob.run(
            manifest: Fixtures.manifest("treatment.yaml"), content: DiskFileSystem(root: Fixtures.siteContent),
            contentDisplay: "site", templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
            today: Fixtures.today, largePrint: false)
        let html = try #require(result.html)
        #expect(html.contains("data-step=\""))
        #expect(html.contains("<li data-module=\""))
        #expect(!html.contains("data-slot=\"comments\""))
        #expect(!html.contains(" hidden"))
    }
}

@Suite("SHA-256 for the Content-Security-Policy")
struct SHA256Tests {
    @Test("FIPS 180-4 test vectors", arguments: [
        ("", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
        ("abc", "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE="),
    ])
    func vectors(input: String, base64: String) {
        #expect(SHA256.cspSource(for: input) == "'sha256-\(base64)'")
    }

    @Test("a million a's, and text across block boundaries")
    func long() {
        #expect(SHA256.base64(SHA256.digest(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)))
                == "zcduXJkU+5KBocfihNc+Z/GAmkiklyAOBG05zMcRLNA=")
        #expect(SHA256.cspSource(for: String(repeating: "å", count: 40)).hasPrefix("'sha256-"))
    }
}
