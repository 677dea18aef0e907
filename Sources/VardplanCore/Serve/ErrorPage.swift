import VardplanDiagnostics
import VardplanHTML

/// The page every address shows while the content has errors: each diagnostic as
/// `file:line:column: error: message`, escaped, in a plain self-contained page.
public enum ErrorPage {
    public static func html(_ diagnostics: Diagnostics) -> String {
        let errors = diagnostics.sorted.filter { $0.severity == .error }
        var items = ""
        for diagnostic in diagnostics.sorted {
            let place = diagnostic.location.map { "\($0)" } ?? "vardplan"
            items += "<li class=\"\(diagnostic.severity.rawValue)\"><code>\(HTMLEscaper.escape(place))</code>: "
                + "<strong>\(diagnostic.severity.rawValue)</strong>: \(HTMLEscaper.escape(diagnostic.message))"
            for note in diagnostic.notes {
                let notePlace = note.location.map { "\($0)" } ?? "vardplan"
                items += "<br><code>\(HTMLEscaper.escape(notePlace))</code>: note: \(HTMLEscaper.escape(note.message))"
            }
            items += "</li>\n"
        }
        let count = errors.count == 1 ? "1 fel" : "\(errors.count) fel"
        return """
        <!DOCTYPE html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(count) i innehållet – vardplan serve</title>
        <style>
        body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}
        h1{color:#a00000}li{margin:.75rem 0;padding:.5rem .75rem;border-left:4px solid #a00000;background:#fdf3f3}
        li.warning{border-color:#8a6100;background:#fdf9ec}code{font-size:.95em;word-break:break-all}
        </style>
        </head>
        <body>
        <h1>\(count) i innehållet</h1>
        <p>Sidan visas igen när felen är rättade; den laddas om av sig själv när du sparar.</p>
        <ol>
        \(items)</ol>
        </body>
        </html>
        """
    }
}
