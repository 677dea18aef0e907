import Foundation
#if canImport(Glibc)
import Glibc
#endif
import VardplanSystem

/// An exclusive `flock` on `.NAME.lock` beside the output folder, held from the start
/// of a build to the end of its swap, so that two builds into one output cannot both
/// publish. A second build does not wait: it fails at once and says so (waiting
/// would publish whichever build finished last, which is seldom what was meant).
///
/// The holder writes its process id into the file and removes the file before it
/// lets go. A process that opened the file before it was removed finds, once it has
/// the lock, that the path now names another file (or none), and starts over.
final class OutputLock: @unchecked Sendable {
    private let descriptor: Int32
    private let path: String
    private let state = NSLock()
    private var held = true

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Takes the lock for `location`. Throws `.busy` when another build holds it.
    static func acquire(_ location: OutputLocation) throws(SiteWriter.WriteError) -> OutputLock {
        let path = location.lockPath
        guard FileIO.makeDirectories(location.parent) else {
            throw .io(path: location.parent, reason: "the folder could not be created")
        }
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw .io(path: path, reason: "the lock file could not be opened: " + String(cString: strerror(errno)))
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let holder = FileIO.read(path).flatMap { Int32(String(decoding: $0, as: UTF8.self).filter(\.isNumber)) }
                close(descriptor)
                if code == EWOULDBLOCK { throw .busy(path: location.display, pid: holder) }
                throw .io(path: path, reason: "the lock could not be taken: " + String(cString: strerror(code)))
            }
            var opened = stat(), named = stat()
            if fstat(descriptor, &opened) == 0, stat(path, &named) == 0,
               opened.st_dev == named.st_dev, opened.st_ino == named.st_ino {
                let pid = Array("\(getpid())\n".utf8)
                _ = ftruncate(descriptor, 0)
                _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
                return OutputLock(descriptor: descriptor, path: path)
            }
            close(descriptor)  // The holder removed the file meanwhile: try the new one.
        }
    }

    /// Removes the lock file and lets go; does nothing the second time.
    func release() {
        state.lock()
        defer { state.unlock() }
        guard held else { return }
        held = false
        unlink(path)
        close(descriptor)
    }

    deinit { release() }
}
