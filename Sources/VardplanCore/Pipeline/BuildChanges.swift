/// What a build must render again, from the input fingerprints of the previous build
/// (its stamp) and of this one: nothing, some diagnoses (some of them only in part), or
/// everything.
///
/// A diagnosis's pages depend on its own files, the general modules, the templates,
/// `site.yaml`, the date and the options. So a change to a step, section or module
/// file under `diagnoses/<name>/` re-renders that diagnosis only; a change anywhere
/// else, to a diagnosis's own `_diagnosis.md` (its title is on every page that lists
/// it), or a diagnosis added or removed, re-renders everything. When nothing of a
/// diagnosis changed but the bodies of some of its step files (their front matter the
/// same: the second half of their fingerprints, `ContentSnapshot.fingerprint(of:)`),
/// only the pages that show those bodies are rendered again: the steps' own pages (in
/// every language) and the diagnosis's overview pages (the staff overview has each
/// step's LIX, the nurse's page every body) — the preview's rule (`PreviewBuilder`).
/// This is also what a live preview asks: which pages does this set of changed files
/// make stale.
public enum BuildChanges: Equatable, Sendable {
    /// The inputs are those of the previous build.
    case none
    /// Only these diagnoses have changed files (their folder names under
    /// `content/diagnoses/`); the others' pages can be kept. `whole`: the diagnoses
    /// whose pages are all rendered again; `bodies`: the diagnoses where only the
    /// bodies of these step files changed (paths relative to the content folder).
    /// A folder is in one of the two.
    case diagnoses(whole: Set<String>, bodies: [String: Set<String>])
    /// Everything is rendered again, for the reason given.
    case everything(String)

    /// Compares the previous stamp's inputs with this build's (`content/…` and
    /// `templates/…` paths to fingerprints; `settings`: format, date and options).
    public static func between(previous: BuildStamp, settings: String, inputs: [String: String]) -> BuildChanges {
        guard previous.settings == settings else { return .everything("the date, the options or the format changed") }
        var changed: [String] = []
        var bodyOnly = Set<String>()
        for (path, digest) in inputs {
            guard let old = previous.inputs[path] else {
                changed.append(path)
                continue
            }
            guard old != digest else { continue }
            changed.append(path)
            if let frontMatter = frontMatterDigest(digest), frontMatterDigest(old) == frontMatter { bodyOnly.insert(path) }
        }
        for path in previous.inputs.keys where inputs[path] == nil { changed.append(path) }
        return of(changedPaths: changed, previousInputs: Set(previous.inputs.keys), bodyOnly: bodyOnly)
    }

    /// What a set of changed input paths (`content/…`, `templates/…`) makes stale.
    /// `previousInputs`: the input paths of the build being updated, to tell a change
    /// inside a diagnosis from a diagnosis added or removed. `bodyOnly`: the changed
    /// paths that are step files of which only the body changed.
    public static func of(changedPaths: [String], previousInputs: Set<String>, bodyOnly: Set<String> = []) -> BuildChanges {
        guard !changedPaths.isEmpty else { return .none }
        var whole = Set<String>()
        var bodies: [String: Set<String>] = [:]
        for path in changedPaths {
            guard let (folder, rest) = diagnosisFolder(of: path) else {
                return .everything("'\(path)' is not in a diagnosis's folder")
            }
            guard rest != "_diagnosis.md" else { return .everything("'\(path)' lists the diagnosis") }
            let metadata = "content/diagnoses/\(folder)/_diagnosis.md"
            guard previousInputs.contains(metadata) else { return .everything("a diagnosis was added") }
            if bodyOnly.contains(path) {
                bodies[folder, default: []].insert(String(path.dropFirst("content/".count)))
            } else {
                whole.insert(folder)
            }
        }
        for folder in whole { bodies[folder] = nil }
        return .diagnoses(whole: whole, bodies: bodies)
    }

    /// The front matter's half of a step file's fingerprint (`<whole>+<front matter>`);
    /// nil for a file fingerprinted whole.
    private static func frontMatterDigest(_ digest: String) -> Substring? {
        guard let plus = digest.firstIndex(of: "+") else { return nil }
        return digest[digest.index(after: plus)...]
    }

    /// `content/diagnoses/<folder>/<rest>` split into folder and rest (rest not empty).
    private static func diagnosisFolder(of path: String) -> (String, String)? {
        let prefix = "content/diagnoses/"
        guard path.hasPrefix(prefix) else { return nil }
        let inside = path.dropFirst(prefix.count)
        guard let slash = inside.firstIndex(of: "/") else { return nil }
        let rest = inside[inside.index(after: slash)...]
        guard !rest.isEmpty else { return nil }
        return (String(inside[..<slash]), String(rest))
    }
}
