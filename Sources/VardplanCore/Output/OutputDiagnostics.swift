import VardplanDiagnostics

// The codes of the output folder, the build and print pipeline's own problems and
// the preview server (VP8xx). The wording of a refused or failed write lives in
// `SiteWriter.WriteError`.

extension DiagnosticCode {
    /// A page or folder of the output could not be written (`SiteWriter.WriteError.io`).
    public static let outputWriteFailed = DiagnosticCode("VP801")
    /// The output path is a file (`SiteWriter.WriteError.notAFolder`).
    public static let outputNotAFolder = DiagnosticCode("VP802")
    /// The output path is a link to something not a folder (`SiteWriter.WriteError.linkToNonFolder`).
    public static let outputLinkToNonFolder = DiagnosticCode("VP803")
    /// The output path is a link to nothing (`SiteWriter.WriteError.danglingLink`).
    public static let outputDanglingLink = DiagnosticCode("VP804")
    /// The output folder holds what a build did not write (`SiteWriter.WriteError.notReplaceable`).
    public static let outputNotReplaceable = DiagnosticCode("VP805")
    /// Another build holds the output's lock (`SiteWriter.WriteError.busy`).
    public static let outputBusy = DiagnosticCode("VP806")
    /// A region asked for (`build --region`, a manifest's `region`) that the content lacks.
    public static let unknownRegion = DiagnosticCode("VP807")
    /// The manifest the preview shows cannot be read.
    public static let previewManifestUnreadable = DiagnosticCode("VP808")
    /// The preview server cannot open a socket.
    public static let serverSocketUnavailable = DiagnosticCode("VP809")
    /// The preview server's address (`serve --address`) is not an IP address.
    public static let serverAddressInvalid = DiagnosticCode("VP810")
    /// The preview server cannot listen on its address and port.
    public static let serverCannotListen = DiagnosticCode("VP811")
}

extension HTTPServer.StartError {
    static func socketUnavailable(reason: String) -> Self {
        Self(code: .serverSocketUnavailable, description: "cannot open a socket: \(reason)")
    }

    static func notAnIPAddress(_ address: String) -> Self {
        Self(code: .serverAddressInvalid, description: "'\(address)' is not an IP address")
    }

    static func cannotListen(address: String, port: Int, reason: String) -> Self {
        Self(code: .serverCannotListen, description: "cannot listen on \(address):\(port): \(reason); try another --port")
    }

    static func cannotListen(reason: String) -> Self {
        Self(code: .serverCannotListen, description: "cannot listen: \(reason)")
    }
}

extension SiteWriter.WriteError {
    /// The code of this kind of failure.
    public var code: DiagnosticCode {
        switch self {
        case .io: return .outputWriteFailed
        case .notAFolder: return .outputNotAFolder
        case .linkToNonFolder: return .outputLinkToNonFolder
        case .danglingLink: return .outputDanglingLink
        case .notReplaceable: return .outputNotReplaceable
        case .busy: return .outputBusy
        }
    }
}

extension Diagnostic {
    /// A write into the output that failed or was refused; no location (the message
    /// names the path).
    public static func outputWrite(_ error: SiteWriter.WriteError) -> Diagnostic {
        .error(error.code, error.description, at: nil)
    }

    /// Where a region was asked for: a manifest's `region` field, or `build --region`.
    enum RegionRequest {
        case manifest(SourceLocation)
        case option
    }

    /// A region the content does not have; `known`: the regions it has.
    static func unknownRegion(_ id: String, known: [String], requestedBy request: RegionRequest) -> Diagnostic {
        switch request {
        case .manifest(let location):
            let list = known.isEmpty ? "; the content has no regions"
                : NameSuggester.didYouMean(id, among: known) + "; the content has " + known.map { "'\($0)'" }.joined(separator: ", ")
            return .error(.unknownRegion, "the 'region' is not a region of this content\(list)", at: location)
        case .option:
            let list = known.isEmpty ? "; the content has no regions ('regions/<region>/_region.md')"
                : NameSuggester.didYouMean(id, among: known) + "; the content has " + known.map { "'\($0)'" }.joined(separator: ", ")
            return .error(.unknownRegion, "there is no region '\(id)'\(list)", at: nil)
        }
    }

    /// The preview server could not start; no location.
    public static func serverStart(_ error: HTTPServer.StartError) -> Diagnostic {
        .error(error.code, error.description, at: nil)
    }

    static func previewManifestUnreadable(at location: SourceLocation) -> Diagnostic {
        .error(.previewManifestUnreadable, "cannot read the manifest; check that the file exists", at: location)
    }
}
