import Foundation
import VardplanCore
import VardplanDiagnostics
import VardplanSystem

/// Refuses a place for a file that holds patient data (a printout, a manifest) when
/// it would publish it or overwrite an input.
///
/// The rule (docs/manifest.md): the path is resolved — `..` and every symbolic link
/// followed — and refused when the folder it lands in, or any folder above it, is a
/// public site (it has the build stamp `.vardplan-build` that `build` writes), or is
/// inside the site output named on the command line (default `output`), the content
/// or the templates, however it is reached; when it is an existing symbolic link or a
/// folder; or when it is the manifest itself.
enum PrintOutputGuard {
    /// Why `path` may not be written (a diagnostic with no location), or nil when it may. `protected` are folders as
    /// given on the command line, with what they are ("the public site's output folder");
    /// `holder` is what the file is, for the messages ("a printout", "a manifest").
    static func problem(output: String, manifests: [String] = [], protected: [(path: String, what: String)],
                        holder: String = "a printout") -> Diagnostic? {
        var info = stat()
        if lstat(output, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFLNK {
                return .patientFileIsLink(output, holder: holder)
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                return .patientFileIsFolder(output)
            }
        }
        let folder = resolvedFolder(of: output)
        let target = folder + "/" + (output as NSString).lastPathComponent
        for manifest in manifests where resolved(manifest) == target {
            return .printoutOverwritesManifest(manifest)
        }
        return folderProblem(folder, shownAs: output, protected: protected, holder: holder)
    }

    /// Why files holding patient data may not be written into `folder` (which need not
    /// exist yet), or nil.
    static func folderProblem(_ folder: String, shownAs shown: String, protected: [(path: String, what: String)],
                              holder: String = "a printout") -> Diagnostic? {
        let real = resolved(folder)
        if let site = publicSite(containing: real) {
            return .patientFileInPublicSite(shown, site: site, stamp: BuildStamp.fileName, holder: holder)
        }
        for item in protected {
            let path = resolved(item.path)
            if real == path || real.hasPrefix(path == "/" ? "/" : path + "/") {
                return .patientFileInProtectedFolder(shown, what: item.what, folder: item.path, holder: holder)
            }
        }
        return nil
    }

    /// The nearest folder from `path` upwards that has the build stamp, if any.
    static func publicSite(containing path: String) -> String? {
        var current = path
        while true {
            if FileManager.default.fileExists(atPath: current + "/" + BuildStamp.fileName) { return current }
            if current == "/" || current.isEmpty { return nil }
            current = (current as NSString).deletingLastPathComponent
        }
    }

    /// The folder a file at `path` lands in, with every symbolic link resolved.
    static func resolvedFolder(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return resolved(parent.isEmpty ? "." : parent)
    }

    /// An absolute path with `.`, `..` and symbolic links resolved as the kernel does
    /// (`LINK/..` is the folder above the link's target); the part that does not exist
    /// yet is appended as written.
    static func resolved(_ path: String) -> String {
        var existing = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var missing: [String] = []
        while true {
            if let real = FileIO.realPath(existing) {
                var result = real
                for component in missing {
                    if component == ".." {
                        result = (result as NSString).deletingLastPathComponent
                    } else if component != "." && !component.isEmpty {
                        result = result == "/" ? "/" + component : result + "/" + component
                    }
                }
                return result
            }
            let last = (existing as NSString).lastPathComponent
            let parent = (existing as NSString).deletingLastPathComponent
            if parent == existing || parent.isEmpty { return existing }
            missing.insert(last, at: 0)
            existing = parent
        }
    }
}
