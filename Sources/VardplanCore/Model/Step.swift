import VardplanDiagnostics
import VardplanMarkdown

/// A step (steg): one page of patient text, such as *Magnetkameraundersökning – MR*.
///
/// A value with copy-on-write storage: the model, a patient's plan and the pages pass
/// steps around by value, and a step has some twenty reference-counted fields (strings,
/// arrays, its source file, its parsed body). Stored inline, every copy retained each of
/// them and every drop released them again; boxed, a copy is one retain, and a change
/// copies the fields only when the box is shared. (Plain accessors rather than
/// `@dynamicMemberLookup`: a key path such as `\.id` through a dynamic member is
/// projected at run time, 1 500 instructions a step where the plan lists its ids.)
public struct Step: Sendable {
    public var id: String {
        get { box.fields.id }
        _modify { makeUnique(); yield &box.fields.id }
    }
    public var aliases: [String] {
        get { box.fields.aliases }
        _modify { makeUnique(); yield &box.fields.aliases }
    }
    public var title: String {
        get { box.fields.title }
        _modify { makeUnique(); yield &box.fields.title }
    }
    public var order: Int {
        get { box.fields.order }
        _modify { makeUnique(); yield &box.fields.order }
    }
    /// *Synlig* in a new plan unless a nurse hides it.
    public var visibleByDefault: Bool {
        get { box.fields.visibleByDefault }
        _modify { makeUnique(); yield &box.fields.visibleByDefault }
    }
    public var phases: [String] {
        get { box.fields.phases }
        _modify { makeUnique(); yield &box.fields.phases }
    }
    public var body: MarkdownDocument {
        get { box.fields.body }
        _modify { makeUnique(); yield &box.fields.body }
    }
    public var wordCount: Int {
        get { box.fields.wordCount }
        _modify { makeUnique(); yield &box.fields.wordCount }
    }
    /// The file the step comes from, and where its body is in it.
    public var source: SourceFile {
        get { box.fields.source }
        _modify { makeUnique(); yield &box.fields.source }
    }
    public var bodyRange: Range<Int> {
        get { box.fields.bodyRange }
        _modify { makeUnique(); yield &box.fields.bodyRange }
    }
    public var bodyFirstLine: Int {
        get { box.fields.bodyFirstLine }
        _modify { makeUnique(); yield &box.fields.bodyFirstLine }
    }
    public var location: SourceLocation {
        get { box.fields.location }
        _modify { makeUnique(); yield &box.fields.location }
    }
    /// Language codes of the translations found beside the step.
    public var translationLanguages: [String] {
        get { box.fields.translationLanguages }
        _modify { makeUnique(); yield &box.fields.translationLanguages }
    }
    /// Translations by language code (bodies parsed with the step's own body).
    public var translations: [String: Translation] {
        get { box.fields.translations }
        _modify { makeUnique(); yield &box.fields.translations }
    }
    /// The region's name, for a regional step (`RegionalStep`); nil for national steps.
    public var regionName: String? {
        get { box.fields.regionName }
        _modify { makeUnique(); yield &box.fields.regionName }
    }
    /// A region's supplements shown with this step, in a regional build.
    public var supplements: StepSupplements? {
        get { box.fields.supplements }
        _modify { makeUnique(); yield &box.fields.supplements }
    }
    /// The LIX of the parsed body, kept by the readability check so pages need not count again;
    /// nil until the body is parsed and checked.
    public var readability: ReadabilityIndex? {
        get { box.fields.readability }
        _modify { makeUnique(); yield &box.fields.readability }
    }

    public init(id: String, aliases: [String], title: String, order: Int, visibleByDefault: Bool, phases: [String],
                body: MarkdownDocument, wordCount: Int, source: SourceFile, bodyRange: Range<Int>, bodyFirstLine: Int,
                location: SourceLocation, translationLanguages: [String], translations: [String: Translation] = [:],
                regionName: String? = nil, supplements: StepSupplements? = nil, readability: ReadabilityIndex? = nil) {
        box = Box(Fields(id: id, aliases: aliases, title: title, order: order, visibleByDefault: visibleByDefault,
                         phases: phases, body: body, wordCount: wordCount, source: source, bodyRange: bodyRange,
                         bodyFirstLine: bodyFirstLine, location: location, translationLanguages: translationLanguages,
                         translations: translations, regionName: regionName, supplements: supplements,
                         readability: readability))
    }

    private var box: Box

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    }

    /// The fields, stored once (the accessors above read and change them).
    private struct Fields {
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
    }

    /// The fields in a class of their own; written only through `makeUnique()`, so a
    /// shared box is never changed.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }
}
