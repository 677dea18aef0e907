import VardplanDiagnostics
import VardplanMarkdown

/// A step (steg): one page of patient text, such as *Magnetkameraundersökning – MR*.
///
/// A value with copy-on-write storage: the model, a patient's plan and the pages pass
/// steps around by value, and a step has some twenty reference-counted fields (strings,
/// arrays, its source file, its parsed body). Stored inline, every copy retained each of
/// them and every drop released them again; boxed, a copy is one retain, and a change
/// copies the fields only when the storage is shared.
public struct Step: Sendable {
    public var id: String {
        get { storage.id }
        _modify { makeUnique(); yield &storage.id }
    }
    public var aliases: [String] {
        get { storage.aliases }
        _modify { makeUnique(); yield &storage.aliases }
    }
    public var title: String {
        get { storage.title }
        _modify { makeUnique(); yield &storage.title }
    }
    public var order: Int {
        get { storage.order }
        _modify { makeUnique(); yield &storage.order }
    }
    /// *Synlig* in a new plan unless a nurse hides it.
    public var visibleByDefault: Bool {
        get { storage.visibleByDefault }
        _modify { makeUnique(); yield &storage.visibleByDefault }
    }
    public var phases: [String] {
        get { storage.phases }
        _modify { makeUnique(); yield &storage.phases }
    }
    public var body: MarkdownDocument {
        get { storage.body }
        _modify { makeUnique(); yield &storage.body }
    }
    public var wordCount: Int {
        get { storage.wordCount }
        _modify { makeUnique(); yield &storage.wordCount }
    }
    /// The file the step comes from, and where its body is in it.
    public var source: SourceFile {
        get { storage.source }
        _modify { makeUnique(); yield &storage.source }
    }
    public var bodyRange: Range<Int> {
        get { storage.bodyRange }
        _modify { makeUnique(); yield &storage.bodyRange }
    }
    public var bodyFirstLine: Int {
        get { storage.bodyFirstLine }
        _modify { makeUnique(); yield &storage.bodyFirstLine }
    }
    public var location: SourceLocation {
        get { storage.location }
        _modify { makeUnique(); yield &storage.location }
    }
    /// Language codes of the translations found beside the step.
    public var translationLanguages: [String] {
        get { storage.translationLanguages }
        _modify { makeUnique(); yield &storage.translationLanguages }
    }
    /// Translations by language code (bodies parsed with the step's own body).
    public var translations: [String: Translation] {
        get { storage.translations }
        _modify { makeUnique(); yield &storage.translations }
    }
    /// The region's name, for a regional step (`RegionalStep`); nil for national steps.
    public var regionName: String? {
        get { storage.regionName }
        _modify { makeUnique(); yield &storage.regionName }
    }
    /// A region's supplements shown with this step, in a regional build.
    public var supplements: StepSupplements? {
        get { storage.supplements }
        _modify { makeUnique(); yield &storage.supplements }
    }
    /// The LIX of the parsed body, kept by the readability check so pages need not count again;
    /// nil until the body is parsed and checked.
    public var readability: ReadabilityIndex? {
        get { storage.readability }
        _modify { makeUnique(); yield &storage.readability }
    }

    public init(id: String,
                aliases: [String],
                title: String,
                order: Int,
                visibleByDefault: Bool,
                phases: [String],
                body: MarkdownDocument,
                wordCount: Int,
                source: SourceFile,
                bodyRange: Range<Int>,
                bodyFirstLine: Int,
                location: SourceLocation,
                translationLanguages: [String],
                translations: [String: Translation] = [:],
                regionName: String? = nil,
                supplements: StepSupplements? = nil,
                readability: ReadabilityIndex? = nil) {
        storage = Storage(id: id, aliases: aliases, title: title, order: order, visibleByDefault: visibleByDefault, phases: phases, body: body, wordCount: wordCount, source: source, bodyRange: bodyRange, bodyFirstLine: bodyFirstLine, location: location, translationLanguages: translationLanguages, translations: translations, regionName: regionName, supplements: supplements, readability: readability)
    }

    private var storage: Storage

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// The fields; changed only through `makeUnique()`, so a shared storage is never written.
    private final class Storage: @unchecked Sendable {
        var id: String
        var aliases: [String]
        var title: String
        var order: Int
        var visibleByDefault: Bool
        var phases: [String]
        var body: MarkdownDocument
        var wordCount: Int
        var source: SourceFile
        var bodyRange: Range<Int>
        var bodyFirstLine: Int
        var location: SourceLocation
        var translationLanguages: [String]
        var translations: [String: Translation]
        var regionName: String?
        var supplements: StepSupplements?
        var readability: ReadabilityIndex?

        init(id: String, aliases: [String], title: String, order: Int, visibleByDefault: Bool, phases: [String], body: MarkdownDocument, wordCount: Int, source: SourceFile, bodyRange: Range<Int>, bodyFirstLine: Int, location: SourceLocation, translationLanguages: [String], translations: [String: Translation], regionName: String?, supplements: StepSupplements?, readability: ReadabilityIndex?) {
            self.id = id
            self.aliases = aliases
            self.title = title
            self.order = order
            self.visibleByDefault = visibleByDefault
            self.phases = phases
            self.body = body
            self.wordCount = wordCount
            self.source = source
            self.bodyRange = bodyRange
            self.bodyFirstLine = bodyFirstLine
            self.location = location
            self.translationLanguages = translationLanguages
            self.translations = translations
            self.regionName = regionName
            self.supplements = supplements
            self.readability = readability
        }

        func copy() -> Storage {
            Storage(id: id, aliases: aliases, title: title, order: order, visibleByDefault: visibleByDefault, phases: phases, body: body, wordCount: wordCount, source: source, bodyRange: bodyRange, bodyFirstLine: bodyFirstLine, location: location, translationLanguages: translationLanguages, translations: translations, regionName: regionName, supplements: supplements, readability: readability)
        }
    }
}
