import Testing

@testable import VardplanTemplates
import VardplanDiagnostics

/// A template with syntax errors and the exact diagnostics it must produce,
/// written `line:column: message`, notes as `note line:column: message`.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let label: String
    let template: String
    let expected: [String]

    init(_ label: String, _ template: String, _ expected: [String]) {
        self.label = label
        self.template = template
        self.expected = expected
    }

    var testDescription: String { label }
}

/// The diagnostics of parsing `text`, one line each (notes indented under their error).
func parseDiagnostics(_ text: String) -> [String] {
    var diagnostics = Diagnostics()
    _ = Template(name: "t", file: SourceFile(path: "t.mustache", text: text), diagnostics: &diagnostics)
    return diagnostics.sorted.flatMap { diagnostic in
        ["\(diagnostic.location!.position): \(diagnostic.message)"]
            + diagnostic.notes.map { "note \($0.location!.position): \($0.message)" }
    }
}

@Suite("Template syntax errors")
struct TemplateErrorTests {
    static let cases: [ErrorCase] = [
        ErrorCase("unclosed tag at end of file, column after åäö", "åäö {{name", [
            "1:5: unclosed tag '{{name'; add '}}' to close it",
        ]),
        ErrorCase("unclosed tag before another tag", "ä {{x}\nö {{y}} {{z", [
            "1:3: unclosed tag '{{x}'; add '}}' to close it",
            "2:9: unclosed tag '{{z'; add '}}' to close it",
        ]),
        ErrorCase("unclosed triple mustache", "å {{{x}}", [
            "1:3: unclosed tag '{{{x}}'; a triple mustache ends with '}}}'",
        ]),
        ErrorCase("unclosed comment", "ö\n  {{! never", [
            "2:3: unclosed tag '{{! never'; add '}}' to close it",
        ]),
        ErrorCase("only an opening delimiter", "åå{{", [
            "1:3: unclosed tag '{{'; add '}}' to close it",
        ]),
        ErrorCase("unclosed section, note at the opening tag", "å\n ä {{#items}}\nö {{x}}", [
            "3:8: unclosed section 'items' at end of file; add '{{/items}}' to close it",
            "note 2:4: section 'items' opened here",
        ]),
        ErrorCase("two unclosed sections", "{{#a}}\nåäö{{^b}}", [
            "2:10: unclosed section 'a' at end of file; add '{{/a}}' to close it",
            "note 1:1: section 'a' opened here",
            "2:10: unclosed section 'b' at end of file; add '{{/b}}' to close it",
            "note 2:4: section 'b' opened here",
        ]),
        ErrorCase("mismatched closing tag", "{{#a}}\nåäö {{/b}}", [
            "2:5: closing tag '{{/b}}' does not match the open section 'a'; write '{{/a}}' to close it",
            "note 1:1: section 'a' opened here",
        ]),
        ErrorCase("closing an outer section first", "ä{{#a}}ö{{#b}}å{{/a}}", [
            "1:16: closing tag '{{/a}}' comes before section 'b' is closed; add '{{/b}}' before it",
            "note 1:9: section 'b' opened here",
        ]),
        ErrorCase("closing tag with no open section", "åäö\n  {{/a}}", [
            "2:3: closing tag '{{/a}}' has no open section; remove it or add '{{#a}}' before it",
        ]),
        ErrorCase("empty names", "ä{{}} {{#}} {{ / }}\nö{{>}} {{{ }}} {{&}}", [
            "1:2: empty tag name in '{{}}'; put a name inside the tag, like '{{name}}'",
            "1:7: empty tag name in '{{#}}'; put a name inside the tag, like '{{#name}}'",
            "1:13: empty tag name in '{{ / }}'; put a name inside the tag, like '{{/name}}'",
            "2:2: empty tag name in '{{>}}'; put a name inside the tag, like '{{>name}}'",
            "2:8: empty tag name in '{{{ }}}'; put a name inside the tag, like '{{{name}}}'",
            "2:16: empty tag name in '{{&}}'; put a name inside the tag, like '{{&name}}'",
        ]),
        ErrorCase("bad set-delimiter tags", "å{{=<% %>}}\nä{{=<%%>=}} ö{{= a b c =}}", [
            "1:2: bad set-delimiter tag '{{=<% %>}}'; write two new delimiters separated by a space between '=' signs, like '{{=<% %>=}}'",
            "2:2: bad set-delimiter tag '{{=<%%>=}}'; write two new delimiters separated by a space between '=' signs, like '{{=<% %>=}}'",
            "2:14: bad set-delimiter tag '{{= a b c =}}'; write two new delimiters separated by a space between '=' signs, like '{{=<% %>=}}'",
        ]),
        ErrorCase("delimiter containing '='", "{{=a= b=}}", [
            "1:1: bad set-delimiter tag '{{=a= b=}}'; write two new delimiters separated by a space between '=' signs, like '{{=<% %>=}}'",
        ]),
        ErrorCase("unknown tag types", "ö{{$block}} {{<parent}}\n{{%pragma}} {{*x}} {{>*dynamic}}", [
            "1:2: unknown tag type '$' in '{{$block}}'; template inheritance (parents and blocks) is not supported; use partials ('{{> name}}')",
            "1:13: unknown tag type '<' in '{{<parent}}'; template inheritance (parents and blocks) is not supported; use partials ('{{> name}}')",
            "2:1: unknown tag type '%' in '{{%pragma}}'; pragmas are not supported; remove the tag",
            "2:13: unknown tag type '*' in '{{*x}}'; use '#', '^', '/', '!', '>', '&', '{' or '=' after '{{', or start the name with a letter",
            "2:20: dynamic partial names like '{{>*dynamic}}' are not supported; write the partial's name, like '{{> header}}'",
        ]),
        ErrorCase("bad names", "{{a b}} ä{{a..b}} {{#.a}}{{/.a}}", [
            "1:1: tag name 'a b' in '{{a b}}' contains whitespace; names cannot contain spaces (if a tag was not meant to end here, check its '}}')",
            "1:10: name 'a..b' in '{{a..b}}' has an empty part; write dotted names like 'page.title', or '.' for the current item",
            "1:19: name '.a' in '{{#.a}}' has an empty part; write dotted names like 'page.title', or '.' for the current item",
        ]),
        ErrorCase("errors quote the current delimiters", "{{=<% %>=}}\nåä<%#a%>x<%/b%>", [
            "2:10: closing tag '<%/b%>' does not match the open section 'a'; write '<%/a%>' to close it",
            "note 2:3: section 'a' opened here",
        ]),
        ErrorCase("unclosed section with custom delimiters", "{{=[ ]=}}[#a]", [
            "1:14: unclosed section 'a' at end of file; add '[/a]' to close it",
            "note 1:10: section 'a' opened here",
        ]),
        ErrorCase("CRLF lines and a BOM", "\u{FEFF}å\r\n{{#a}}\r\n{{/b}}", [
            "3:1: closing tag '{{/b}}' does not match the open section 'a'; write '{{/a}}' to close it",
            "note 2:1: section 'a' opened here",
        ]),
        ErrorCase("every error is reported", "{{#a}}\n{{}}\n{{=x}}\n{{/b}}\n{{y", [
            "2:1: empty tag name in '{{}}'; put a name inside the tag, like '{{name}}'",
            "3:1: bad set-delimiter tag '{{=x}}'; write two new delimiters separated by a space between '=' signs, like '{{=<% %>=}}'",
            "4:1: closing tag '{{/b}}' does not match the open section 'a'; write '{{/a}}' to close it",
            "note 1:1: section 'a' opened here",
            "5:1: unclosed tag '{{y'; add '}}' to close it",
        ]),
    ]

    @Test(arguments: cases)
    func reportsExactly(_ test: ErrorCase) {
        #expect(parseDiagnostics(test.template) == test.expected)
    }

    @Test("the diagnostic prints as path:line:column")
    func printedForm() {
        var diagnostics = Diagnostics()
        _ = Template(name: "base", file: SourceFile(path: "templates/base.mustache", text: "åäö\n  öö{{#x}}"), diagnostics: &diagnostics)
        #expect(DiagnosticFormatter.format(diagnostics) == """
            templates/base.mustache:2:11: error: unclosed section 'x' at end of file; add '{{/x}}' to close it
            templates/base.mustache:2:5: note: section 'x' opened here
            """)
    }

    @Test("tag positions agree with SourceFile for every tag")
    func positionsMatchSourceFile() {
        let text = "\u{FEFF}å{{a}}\r\nä ö {{#b}}\n\n  {{{c}}} 😀{{/b}} {{! x\ny }}{{d}}"
        let file = SourceFile(path: "t", text: text)
        var lexer = TemplateLexer(file: file)
        let tags = lexer.run().filter { $0.kind != .text && $0.kind != .lineStart }
        #expect(tags.count == 6)
        for tag in tags {
            #expect(tag.location == file.location(ofOffset: tag.range.lowerBound))
        }
    }
}
