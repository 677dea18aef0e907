import Testing
@testable import VardplanDiagnostics

/// The machine formats of `check`: JSON for tools, workflow commands for GitHub Actions.
@Suite("Diagnostic formats: JSON and GitHub annotations")
struct DiagnosticFormatTests {
    static let code = DiagnosticCode("VP999")

    @Test("JSON strings escape quotes, backslashes and every control character; non-ASCII stays as it is",
          arguments: [
            ("plain", #""plain""#),
            ("say \"hej\"", #""say \"hej\"""#),
            (#"C:\mapp"#, #""C:\\mapp""#),
            ("a\nb\rc\td", #""a\nb\rc\td""#),
            ("\u{08}\u{0C}", #""\b\f""#),
            ("\u{00}\u{01}\u{1F}", #""\u0000\u0001\u001f""#),
            ("\u{7F}", "\"\u{7F}\""),
            ("vårdplan – åäö ✓ 𝄞 ١٢", "\"vårdplan – åäö ✓ 𝄞 ١٢\""),
            ("a/b 100%", #""a/b 100%""#),
          ])
    func jsonStrings(text: String, expected: String) {
        #expect(JSONWriter.quoted(text) == expected)
    }

    @Test("JSON values: objects keep their key order; nothing has spaces")
    func jsonValues() {
        let value = JSONValue.object([("b", .int(-2)), ("a", .array([.null, .bool(true), .string("x")])), ("c", .object([]))])
        #expect(JSONWriter.write(value) == #"{"b":-2,"a":[null,true,"x"],"c":{}}"#)
    }

    @Test("a diagnostic as JSON: every field, in order, with its notes")
    func jsonDiagnostic() {
        var diagnostic = Diagnostic.error(Self.code, "unknown key 'titel'; did you mean 'title'?",
                                          at: SourceLocation(path: "content/å.md", line: 2, column: 1),
                                          notes: [.init("first here", at: SourceLocation(path: "b.md", line: 1, column: 3)),
                                                  .init("no place")])
        diagnostic.end = SourcePosition(line: 2, column: 6)
        #expect(DiagnosticJSONFormatter.format([diagnostic]) == """
            [
            {"file":"content/å.md","line":2,"column":1,"end":{"line":2,"column":6},"severity":"error","code":"VP999",\
            "message":"unknown key 'titel'; did you mean 'title'?","notes":[{"file":"b.md","line":1,"column":3,\
            "message":"first here"},{"file":null,"line":null,"column":null,"message":"no place"}]}
            ]
            """)
    }

    @Test("JSON: no place is null; a whole file has a file and no line; no diagnostics is []")
    func jsonPlaces() {
        let usage = Diagnostic.error(Self.code, "unknown option '--x'", at: nil)
        let whole = Diagnostic.warning(Self.code, "w", at: .wholeFile("plan.yaml"))
        #expect(DiagnosticJSONFormatter.format([usage, whole]) == """
            [
            {"file":null,"line":null,"column":null,"end":null,"severity":"error","code":"VP999","message":"unknown option '--x'","notes":[]},
            {"file":"plan.yaml","line":null,"column":null,"end":null,"severity":"warning","code":"VP999","message":"w","notes":[]}
            ]
            """)
        #expect(DiagnosticFormat.json.format(Diagnostics()) == "[]")
    }

    @Test("GitHub: file, line, col, end and the code as title; warnings as ::warning")
    func githubCommand() {
        var error = Diagnostic.error(Self.code, "'visible' must be true or false, found 'ja'",
                                     at: SourceLocation(path: "content/a.md", line: 3, column: 10))
        error.end = SourcePosition(line: 3, column: 12)
        let warning = Diagnostic.warning(Self.code, "raw HTML", at: SourceLocation(path: "content/b.md", line: 1, column: 1))
        #expect(DiagnosticGitHubFormatter.format([error, warning]) == """
            ::error file=content/a.md,line=3,col=10,endLine=3,endColumn=12,title=VP999::'visible' must be true or false, found 'ja'
            ::warning file=content/b.md,line=1,col=1,title=VP999::raw HTML
            """)
    }

    @Test("GitHub escaping: %, CR and LF in the message; also : and , in properties; notes on lines of their own")
    func githubEscaping() {
        let diagnostic = Diagnostic.error(Self.code, "100% \"sure\"\r\nnext: a, b",
                                          at: SourceLocation(path: "c:d,e%.md", line: 1, column: 2),
                                          notes: [.init("first here", at: SourceLocation(path: "x.md", line: 4, column: 1))])
        #expect(DiagnosticGitHubFormatter.format(diagnostic)
                == "::error file=c%3Ad%2Ce%25.md,line=1,col=2,title=VP999::100%25 \"sure\"%0D%0Anext: a, b%0Ax.md:4:1: note: first here")
    }

    @Test("GitHub: no place gives no file; a whole file no line")
    func githubPlaces() {
        #expect(DiagnosticGitHubFormatter.format(.error(Self.code, "bad flag", at: nil)) == "::error title=VP999::bad flag")
        #expect(DiagnosticGitHubFormatter.format(.warning(Self.code, "w", at: .wholeFile("p.yaml"))) == "::warning file=p.yaml,title=VP999::w")
    }

    @Test("text: no place prints 'vardplan:', a whole file 'path:', a place 'path:line:col:'")
    func textPlaces() {
        #expect(DiagnosticFormatter.format(.error(Self.code, "m", at: nil)) == "vardplan: error: m")
        #expect(DiagnosticFormatter.format(.warning(Self.code, "m", at: .wholeFile("p.yaml"))) == "p.yaml: warning: m")
        #expect(DiagnosticFormatter.format(.error(Self.code, "m", at: SourceLocation(path: "a.md", line: 2, column: 3),
                                                  notes: [.init("n")])) == "a.md:2:3: error: m\nvardplan: note: n")
    }
}
