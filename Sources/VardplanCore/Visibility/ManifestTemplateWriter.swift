/// Writes a new manifest for a diagnosis: every module with its default status and
/// every step with its default visibility, with comments that explain each part.
/// This is the nurse's start (`vardplan manifest new DIAGNOSIS`).
public enum ManifestTemplateWriter {
    public static func write(for diagnosis: Diagnosis, startDate: SimpleDate, language: String) -> String {
        var lines: [String] = []
        func add(_ line: String = "") { lines.append(line) }
        add("# Min vårdplan – manifest för en patient (\(diagnosis.title)).")
        add("# Skriv inte patientens namn eller personnummer här: utskriften har en tom rad för namnet.")
        add("# Skriv ut med: vardplan print DENNA-FIL -o min-vardplan.html")
        add()
        add("diagnosis: \(diagnosis.id)")
        add("language: \(language)")
        add("content_version: \(quoted(diagnosis.version))")
        add("start_date: \(startDate)  # dagen då planen startade (krävs): planen ska avslutas inom 730 dagar")
        add()
        add("# Modulernas status: aktuell (patienten ser den), kommande eller avklarad.")
        add("modules:")
        let width = diagnosis.modules.map(\.id.count).max() ?? 0
        for module in diagnosis.modules {
            let status = module.activeAtStart ? ModuleStatus.aktuell : .kommande
            let padding = String(repeating: " ", count: width - module.id.count)
            let statusPadding = String(repeating: " ", count: 9 - status.rawValue.count)
            add("  \(module.id):\(padding) \(status.rawValue)\(statusPadding)# \(module.title)")
        }
        add()
        add("# Steg som är dolda från början och ska visas (flytta id hit från listan nedan),")
        add("# och steg som ska döljas för den här patienten.")
        add("show: []")
        add("hide: []")
        add()
        add("# Alla steg och om de syns från början:")
        for module in diagnosis.modules {
            add("#   \(module.title)")
            for section in module.sections {
                let visible = section.steps.count { $0.visibleByDefault }
                add("#     \(section.title) (synliga steg: \(visible) av \(section.steps.count))")
                for step in section.steps {
                    add("#       \(step.visibleByDefault ? "synlig" : "dold  ")  \(step.id)  – \(step.title)")
                }
            }
        }
        add()
        add("# Kontakter: namn, roll, telefon och gärna när man når dem, till exempel:")
        add("#   - name: Anna Lind")
        add("#     role: Kontaktsjuksköterska")
        add("#     phone: 031-123 45 67")
        add("#     note: Telefontid vardagar 8–9")
        add("contacts: []")
        add()
        add("# Planering: date: ÅÅÅÅ-MM-DD, month: ÅÅÅÅ-MM eller when: \"i början av april\", och what.")
        add("planning: []")
        add()
        add("# Välkomsttext (ersätter standardtexten), och patientens svar på \"Vad är viktigt för mig?\".")
        add("welcome:")
        add("what_matters:")
        add()
        add("# Kommentarer till patienten på ett steg eller en modul, till exempel uppföljningsplan:")
        add("#   - step: STEG-ID")
        add("#     title: Min uppföljningsplan")
        add("#     text: |")
        add("#       ...")
        add("comments: []")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
