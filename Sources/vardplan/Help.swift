import VardplanCore
import VardplanMarkdown

/// Help texts for the commands.
enum Help {
    static let overview = """
    vardplan — patient information for Min vårdplan, from Markdown to a site and to paper

    usage: vardplan <command> [options]

    commands:
      check            check every file of the content folder and report every problem
      build            build the national site into output/
      print MANIFEST   print one patient's care plan (A4 HTML, or PDF with --pdf)
      manifest new ID  write a new manifest for a diagnosis, as a nurse's start
      serve            preview the site in a browser; pages reload as you edit
      diff OLD NEW     what changed between two versions of the content
      new KIND PATH T  write a new step, section or module with the next order prefix

    --version prints the version of vardplan and of libcmark.

    Run 'vardplan <command> --help' for the options of a command.
    """

    /// The program's version; raise it with each release.
    static let versionNumber = "0.9.0"

    /// `vardplan 0.9.0 (libcmark 0.30.2)`.
    static var version: String { "vardplan \(versionNumber) (libcmark \(MarkdownLibraryVersion.string))" }

    static func text(_ usage: String, _ summary: String, _ options: [Arguments.Option]) -> String {
        var lines = [usage, "", summary, "", "options:"]
        for option in options {
            let name = (option.short.map { "-\($0), " } ?? "") + "--" + option.name + (option.takesValue ? " VALUE" : "")
            lines.append("  " + name.padding(toLength: 26, withPad: " ", startingAt: 0) + option.help)
        }
        return lines.joined(separator: "\n")
    }
}
