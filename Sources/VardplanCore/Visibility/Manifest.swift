import VardplanDiagnostics

/// A module's status in one patient's plan, as in the staff tool.
public enum ModuleStatus: String, Sendable, CaseIterable {
    /// Current: the patient sees it.
    case aktuell
    /// Upcoming: switched on later.
    case kommande
    /// Done: no longer shown.
    case avklarad
}

/// A value read from a manifest, with where it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One patient's visibility manifest: which modules are current, which steps visible,
/// contacts, planning, the nurse's comments. It holds no name and no personal identity
/// number: the printout has a blank line for the name.
public struct Manifest: Sendable {
    /// A person in the care team.
    public struct Contact: Sendable {
        public var name: String
        public var role: String
        public var phone: String?
        public var note: String?
    }

    /// When a planned event happens: a day, a month, or words such as "i början av april".
    public enum When: Sendable, Equatable {
        case date(SimpleDate)
        case month(year: Int, month: Int)
        case text(String)
    }

    /// A planned event ("Operation i början av april").
    public struct PlanningEntry: Sendable {
        public var when: When
        public var what: String
        /// Where the date or month was written (for the warning about a past date).
        public var whenLocation: SourceLocation?

        public init(when: When, what: String, whenLocation: SourceLocation? = nil) {
            self.when = when
            self.what = what
            self.whenLocation = whenLocation
        }
    }

    /// The nurse's words to the patient on a module or a step.
    public struct PageComment: Sendable {
        public enum Target: Sendable, Equatable {
            case module(String)
            case step(String)
        }
        public var target: Located<Target>
        public var title: String?
        public var text: String
    }

    public var file: SourceFile
    public var diagnosis: Located<String>
    public var language: String?
    public var languageLocation: SourceLocation?
    public var region: String?
    public var regionLocation: SourceLocation?
    public var contentVersion: Located<String>?
    /// Required in a manifest (the 730-day rule counts from it); nil only when read without one.
    public var startDate: Located<SimpleDate>?
    public var moduleStatuses: [(id: Located<String>, status: ModuleStatus)] = []
    public var show: [Located<String>] = []
    public var hide: [Located<String>] = []
    public var contacts: [Contact] = []
    public var planning: [PlanningEntry] = []
    public var welcome: String?
    public var comments: [PageComment] = []
    /// The patient's own answer to "Vad är viktigt för mig?".
    public var whatMatters: String?
}
