extension SiteWriter {
    /// Why a write did not happen. Every case leaves the output as it was.
    public enum WriteError: Error, CustomStringConvertible {
        case io(path: String, reason: String)
        /// The output path is a file (or another non-folder).
        case notAFolder(path: String)
        /// The output path is a symbolic link to something that is not a folder.
        case linkToNonFolder(path: String, target: String)
        /// The output path is a symbolic link to nothing.
        case danglingLink(path: String, target: String)
        /// The output folder holds entries a build did not write, and no `--force`.
        case notReplaceable(path: String, survey: OutputSurvey)
        /// Another build holds the output's lock.
        case busy(path: String, pid: Int32?)

        /// True for a refusal of the output path itself (the user must choose another
        /// one or add `--force`), false for a failure while writing.
        public var isRefusal: Bool {
            switch self {
            case .notAFolder, .linkToNonFolder, .danglingLink, .notReplaceable: return true
            case .io, .busy: return false
            }
        }

        public var description: String {
            switch self {
            case .io(let path, let reason):
                return "cannot write '\(path)': \(reason)"
            case .notAFolder(let path):
                return "the output '\(path)' is a file, not a folder; give a folder with --output (--force does not replace files)"
            case .linkToNonFolder(let path, let target):
                return "the output '\(path)' is a symbolic link to '\(target)', which is not a folder; point it at a folder or give another --output"
            case .danglingLink(let path, let target):
                return "the output '\(path)' is a symbolic link to '\(target)', which does not exist; create that folder or give another --output"
            case .notReplaceable(let path, let survey) where survey.hasStamp:
                return "the output folder '\(path)' holds \(survey.foreignDescription) that 'vardplan build' did not write;"
                    + " a build would delete them. Move them out of the folder, or add --force to replace them"
            case .notReplaceable(let path, let survey):
                return "the output folder '\(path)' was not made by 'vardplan build' and holds \(survey.foreignDescription);"
                    + " a build would delete them. Give a new or empty folder with --output, or add --force to replace"
                    + " its content (entries at its top whose names start with '.', such as '.git', are kept)"
            case .busy(let path, let pid):
                let holder = pid.map { " (process \($0))" } ?? ""
                return "another build into '\(path)' is running\(holder); run this one when it has finished"
            }
        }
    }
}
