import VardplanDiagnostics

// The codes and messages of front matter syntax: the `---` fences, text that is not
// valid UTF-8 or holds characters YAML forbids, the YAML subset and JSON (VP100–VP199).
// Every message of these grammars is written here, once; the parsers decide the kind
// of problem and where it is.

extension DiagnosticCode {
    /// A `---` fence opens front matter that no later line closes.
    static let frontMatterNotClosed = DiagnosticCode("VP100")
    /// Bytes that are not well-formed UTF-8 in YAML or JSON text.
    static let textNotUTF8 = DiagnosticCode("VP101")
    /// A control character (or U+FFFE/U+FFFF) that YAML does not allow.
    static let yamlControlCharacter = DiagnosticCode("VP102")
    /// A carriage return that is not part of a CRLF line ending.
    static let yamlLoneCarriageReturn = DiagnosticCode("VP103")
    /// A tab used for indentation in YAML.
    static let yamlTabIndentation = DiagnosticCode("VP104")
    /// Lists and mappings nested deeper than the parser accepts.
    static let yamlTooDeep = DiagnosticCode("VP105")
    /// A `%` directive such as `%YAML 1.2`.
    static let yamlDirective = DiagnosticCode("VP106")
    /// An anchor (`&name`).
    static let yamlAnchor = DiagnosticCode("VP107")
    /// An alias (`*name`).
    static let yamlAlias = DiagnosticCode("VP108")
    /// A tag (`!tag`, `!!str`).
    static let yamlTag = DiagnosticCode("VP109")
    /// A flow mapping (`{...}`).
    static let yamlFlowMapping = DiagnosticCode("VP110")
    /// A list inside a flow list (`[a, [b]]`).
    static let yamlNestedFlowList = DiagnosticCode("VP111")
    /// A complex key (`? key`).
    static let yamlComplexKey = DiagnosticCode("VP112")
    /// A second document in one file (`---` or anything after `...`).
    static let yamlSecondDocument = DiagnosticCode("VP113")
    /// Text after a complete value on its line (after a closing quote, `]`, `...`, a block
    /// scalar header, or the document's one value).
    static let yamlTextAfterValue = DiagnosticCode("VP114")
    /// A list or mapping that starts on the line of its key or of `---`.
    static let yamlCollectionOnKeyLine = DiagnosticCode("VP115")
    /// A mapping key that cannot be one: a flow list, or quoted text over several lines.
    static let yamlInvalidKey = DiagnosticCode("VP116")
    /// A `:` with no key before it.
    static let yamlMissingKey = DiagnosticCode("VP117")
    /// A character that cannot start a plain value (or a flow list entry) unquoted.
    static let yamlReservedCharacter = DiagnosticCode("VP118")
    /// A `- ` list entry where no list can be.
    static let yamlMisplacedListEntry = DiagnosticCode("VP119")
    /// A line among the keys of a mapping that is not `key: value`.
    static let yamlExpectedKey = DiagnosticCode("VP120")
    /// A line among the entries of a list that is not `- ` entry.
    static let yamlExpectedListEntry = DiagnosticCode("VP121")
    /// A line indented inconsistently with the lines it belongs with.
    static let yamlIndentation = DiagnosticCode("VP122")
    /// A continuation line of plain text that contains `: `.
    static let yamlColonInPlainContinuation = DiagnosticCode("VP123")
    /// Quoted text that is never closed (or not before a line that ends it).
    static let yamlQuoteNotClosed = DiagnosticCode("VP124")
    /// A flow list `[` that is never closed.
    static let yamlFlowListNotClosed = DiagnosticCode("VP125")
    /// Something other than `,` or `]` after an entry of a flow list.
    static let yamlFlowListSeparator = DiagnosticCode("VP126")
    /// An empty entry in a flow list (`[a,,b]`, `[,a]`).
    static let yamlFlowListEmptyEntry = DiagnosticCode("VP127")
    /// A `key: value` pair inside a flow list.
    static let yamlPairInFlowList = DiagnosticCode("VP128")
    /// A flow list entry starting with `?`, which YAML tools read differently.
    static let yamlQuestionMarkInFlowList = DiagnosticCode("VP129")
    /// A block scalar indentation indicator of `0`.
    static let yamlBlockIndentationIndicator = DiagnosticCode("VP130")
    /// An empty line at the start of a block scalar with more spaces than its first text line.
    static let yamlBlockLeadingSpaces = DiagnosticCode("VP131")
    /// An escape in double-quoted YAML text that is unknown, short of digits or no character.
    static let yamlInvalidEscape = DiagnosticCode("VP132")
    /// A key written twice in one YAML mapping.
    static let yamlDuplicateKey = DiagnosticCode("VP133")

    /// JSON arrays and objects nested deeper than the parser accepts.
    static let jsonTooDeep = DiagnosticCode("VP150")
    /// Anything after the one value of a JSON file.
    static let jsonTextAfterValue = DiagnosticCode("VP151")
    /// No JSON value where one must be.
    static let jsonExpectedValue = DiagnosticCode("VP152")
    /// A single-quoted string in JSON.
    static let jsonSingleQuotes = DiagnosticCode("VP153")
    /// A comment in JSON.
    static let jsonComment = DiagnosticCode("VP154")
    /// A number JSON does not allow (`+1`, `.5`, `01`, `1.`, `1e`).
    static let jsonInvalidNumber = DiagnosticCode("VP155")
    /// An object or array that is never closed.
    static let jsonNotClosed = DiagnosticCode("VP156")
    /// A string that is never closed (on its line).
    static let jsonStringNotClosed = DiagnosticCode("VP157")
    /// A comma before `}` or `]`.
    static let jsonTrailingComma = DiagnosticCode("VP158")
    /// An object key that is not a double-quoted string.
    static let jsonInvalidKey = DiagnosticCode("VP159")
    /// A key not followed by `:`.
    static let jsonMissingColon = DiagnosticCode("VP160")
    /// A key written twice in one JSON object.
    static let jsonDuplicateKey = DiagnosticCode("VP161")
    /// Something other than `,` or the closing bracket after a value in an object or array.
    static let jsonSeparator = DiagnosticCode("VP162")
    /// A raw control character inside a JSON string.
    static let jsonControlCharacter = DiagnosticCode("VP163")
    /// An invalid escape in a JSON string (unknown, short of digits, a lone surrogate).
    static let jsonInvalidEscape = DiagnosticCode("VP164")
    /// `True`, `NULL` and the like: a JSON literal not in lower case.
    static let jsonLiteralCase = DiagnosticCode("VP165")
    /// A bare word that is not a JSON literal.
    static let jsonUnknownWord = DiagnosticCode("VP166")
}

// MARK: - Fences and text

extension Diagnostic {
    static func frontMatterNotClosed(at location: SourceLocation) -> Diagnostic {
        .error(.frontMatterNotClosed, "front matter starting here is never closed; add a line '---' after it", at: location)
    }

    /// `byte` is the first byte that breaks UTF-8.
    static func textNotUTF8(byte: UInt8, at location: SourceLocation) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return .error(.textNotUTF8, "the text is not valid UTF-8 (byte 0x\(hex)); save the file as UTF-8", at: location)
    }

    static func yamlControlCharacter(_ scalar: UInt32, at location: SourceLocation) -> Diagnostic {
        var hex = String(scalar, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        let escape = scalar <= 0xFF ? "\\x\(hex.suffix(2))" : "\\u\(hex)"
        return .error(.yamlControlCharacter,
                      "control character U+\(hex) is not allowed in YAML; remove it, or write it as '\(escape)' inside double quotes",
                      at: location)
    }

    static func yamlLoneCarriageReturn(at location: SourceLocation) -> Diagnostic {
        .error(.yamlLoneCarriageReturn,
               "a carriage return without a line feed is not a supported line ending; save the file with LF or CRLF line endings",
               at: location)
    }
}

// MARK: - YAML

extension Diagnostic {
    static func yamlTabIndentation(at location: SourceLocation) -> Diagnostic {
        .error(.yamlTabIndentation, "tabs cannot be used for indentation in YAML; indent with spaces", at: location)
    }

    static func yamlTooDeep(maximumDepth: Int, at location: SourceLocation) -> Diagnostic {
        .error(.yamlTooDeep,
               "lists and mappings are nested more than \(maximumDepth) levels deep here; flatten the structure",
               at: location)
    }

    static func yamlDirective(_ token: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlDirective, "directives ('\(token)') are not supported in front matter; remove the line", at: location)
    }

    static func yamlAnchor(_ token: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlAnchor, "anchors ('\(token)') are not supported in front matter; repeat the value instead", at: location)
    }

    static func yamlAlias(_ token: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlAlias, "aliases ('\(token)') are not supported in front matter; repeat the value instead", at: location)
    }

    static func yamlTag(_ token: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlTag,
               "tags ('\(token)') are not supported in front matter; remove the tag, and quote the value if it must stay text",
               at: location)
    }

    static func yamlFlowMapping(at location: SourceLocation) -> Diagnostic {
        .error(.yamlFlowMapping,
               "flow mappings ('{...}') are not supported in front matter; write the mapping as indented 'key: value' lines",
               at: location)
    }

    static func yamlNestedFlowList(at location: SourceLocation) -> Diagnostic {
        .error(.yamlNestedFlowList,
               "nested lists inside '[...]' are not supported in front matter; write the outer list as indented '- ' lines",
               at: location)
    }

    /// `inFlowList`: the `? ` is inside `[...]`, where no `key: value` advice applies.
    static func yamlComplexKey(inFlowList: Bool, at location: SourceLocation) -> Diagnostic {
        .error(.yamlComplexKey,
               inFlowList ? "complex keys ('? ') are not supported in front matter"
                          : "complex keys ('? ') are not supported in front matter; write 'key: value' with a plain or quoted key",
               at: location)
    }

    /// `afterEndMarker`: the document was ended by `...` and more follows.
    static func yamlSecondDocument(afterEndMarker: Bool, at location: SourceLocation) -> Diagnostic {
        .error(.yamlSecondDocument,
               afterEndMarker ? "a second document after '...' is not supported; keep one document per file"
                              : "a second document ('---') is not supported; keep one document per file, or quote the value if '---' is text",
               at: location)
    }

    static func yamlTextAfterDocumentEnd(_ token: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlTextAfterValue,
               "unexpected '\(token)' after the document end marker '...'; put nothing but a comment after it",
               at: location)
    }

    static func yamlTextAfterDocumentValue(_ token: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlTextAfterValue,
               "unexpected '\(token)' after the end of the value; a document holds one value, use 'key: value' lines for several",
               at: location)
    }

    static func yamlTextAfterFlowList(_ token: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlTextAfterValue, "unexpected '\(token)' after the closing ']'; only a comment may follow the list",
               at: location)
    }

    /// `quoted`: the value was quoted text, and the token follows its closing quote.
    static func yamlTextAfterScalar(_ token: String, quoted: Bool, at location: SourceLocation) -> Diagnostic {
        .error(.yamlTextAfterValue,
               quoted ? "unexpected '\(token)' after the closing quote; put all of the value inside the quotes"
                      : "unexpected '\(token)' after the value",
               at: location)
    }

    static func yamlTextAfterBlockHeader(_ token: String, header: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlTextAfterValue,
               "unexpected '\(token)' after '\(header)'; the text of a block scalar starts on the next line",
               at: location)
    }

    static func yamlListOnKeyLine(at location: SourceLocation) -> Diagnostic {
        .error(.yamlCollectionOnKeyLine,
               "a list cannot start on the same line as its key; put each '- ' entry on its own line below the key",
               at: location)
    }

    static func yamlListOnDocumentStart(at location: SourceLocation) -> Diagnostic {
        .error(.yamlCollectionOnKeyLine, "a list cannot start on the '---' line; start it on the next line", at: location)
    }

    static func yamlMappingOnDocumentStart(at location: SourceLocation) -> Diagnostic {
        .error(.yamlCollectionOnKeyLine, "a mapping cannot start on the '---' line; start it on the next line", at: location)
    }

    /// `line` is the value's text as shown (or '…' when the input may not be quoted).
    static func yamlMappingOnKeyLine(_ line: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlCollectionOnKeyLine,
               "the value '\(line)' would be a nested mapping, which cannot start on the same line as its key; quote the value if ':' is part of the text, or move 'key: value' to its own indented line",
               at: location)
    }

    static func yamlFlowListAsKey(at location: SourceLocation) -> Diagnostic {
        .error(.yamlInvalidKey, "a list ('[...]') cannot be a mapping key; keys must be plain or quoted text", at: location)
    }

    static func yamlMultiLineQuotedKey(at location: SourceLocation) -> Diagnostic {
        .error(.yamlInvalidKey, "a quoted key must be on one line; join its lines", at: location)
    }

    static func yamlMissingKey(at location: SourceLocation) -> Diagnostic {
        .error(.yamlMissingKey, "a mapping entry needs a key before ':'; write 'key: value'", at: location)
    }

    /// A reserved character (`@`, `` ` ``), which YAML keeps for future use.
    static func yamlReservedCharacter(_ character: Character, at location: SourceLocation) -> Diagnostic {
        .error(.yamlReservedCharacter,
               "the character '\(character)' is reserved in YAML and cannot start a plain value; put the value in quotes",
               at: location)
    }

    /// An indicator character that would mean something else at the start of a value.
    static func yamlIndicatorStartsValue(_ character: Character, at location: SourceLocation) -> Diagnostic {
        .error(.yamlReservedCharacter,
               "the character '\(character)' cannot start a plain value here; put the value in quotes",
               at: location)
    }

    static func yamlIndicatorStartsFlowEntry(_ character: Character, at location: SourceLocation) -> Diagnostic {
        .error(.yamlReservedCharacter,
               "the character '\(character)' cannot start an entry of a '[...]' list; put the entry in quotes",
               at: location)
    }

    static func yamlListEntryNotAllowed(at location: SourceLocation) -> Diagnostic {
        .error(.yamlMisplacedListEntry, "a list entry ('- ') is not allowed here", at: location)
    }

    static func yamlListEntryAmongKeys(at location: SourceLocation) -> Diagnostic {
        .error(.yamlMisplacedListEntry,
               "a list entry ('- ') cannot appear among the keys of a mapping; indent it under the key it belongs to",
               at: location)
    }

    static func yamlListEntryInFlowList(at location: SourceLocation) -> Diagnostic {
        .error(.yamlMisplacedListEntry, "list entries ('- ') are not allowed inside '[...]'; separate the entries with ','",
               at: location)
    }

    static func yamlExpectedKey(found token: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlExpectedKey, "expected 'key: value' here, found '\(token)'", at: location)
    }

    /// `line` is the line's text as shown, which has no `: `.
    static func yamlExpectedKeyMissingColon(_ line: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlExpectedKey,
               "expected 'key: value' here, found '\(line)' without ':'; add ': ' after the key, or indent the line if it continues the value above",
               at: location)
    }

    static func yamlExpectedListEntry(found token: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlExpectedListEntry,
               "expected a list entry ('- ') here, found '\(token)'; a list and a mapping cannot share one indentation level",
               at: location)
    }

    /// `rootColumn` is the 1-based column of the document's first line.
    static func yamlIndentedLessThanDocument(rootColumn: Int, at location: SourceLocation) -> Diagnostic {
        .error(.yamlIndentation,
               "this line is indented less than the first line of the document (column \(rootColumn)); indent it at least as much",
               at: location)
    }

    static func yamlIndentedMoreThanKeys(keyColumn: Int, at location: SourceLocation) -> Diagnostic {
        .error(.yamlIndentation,
               "this line is indented more than the keys of its mapping (column \(keyColumn)); line it up with the key it belongs with",
               at: location)
    }

    static func yamlIndentedMoreThanEntries(entryColumn: Int, at location: SourceLocation) -> Diagnostic {
        .error(.yamlIndentation,
               "this line is indented more than the '- ' entries of its list (column \(entryColumn)); line it up with the entry it belongs with",
               at: location)
    }

    static func yamlFlowListLineNotIndented(parentColumn: Int, at location: SourceLocation) -> Diagnostic {
        .error(.yamlIndentation,
               "this line is inside the list '[...]' but is not indented more than its key or list entry (column \(parentColumn)); indent it",
               at: location)
    }

    static func yamlColonInPlainContinuation(at location: SourceLocation) -> Diagnostic {
        .error(.yamlColonInPlainContinuation,
               "this line continues the plain text above but contains ': '; if it starts a new key, line it up with the other keys; if it is text, put the whole value in quotes",
               at: location)
    }

    static func yamlQuoteNotClosed(double: Bool, at location: SourceLocation) -> Diagnostic {
        let quote = double ? "\"" : "'"
        return .error(.yamlQuoteNotClosed,
                      "\(double ? "double" : "single")-quoted text starting here is never closed; add the closing \(quote)",
                      at: location)
    }

    /// `line` is the first line that is not indented enough to continue the quoted text.
    static func yamlQuoteNotClosedBeforeLine(_ line: Int, double: Bool, at location: SourceLocation) -> Diagnostic {
        let kind = double ? "double" : "single"
        let quote = double ? "\"" : "'"
        return .error(.yamlQuoteNotClosed,
                      "\(kind)-quoted text starting here is not closed before line \(line), which is not indented more than its key; add the closing \(quote), or indent the continuation lines",
                      at: location)
    }

    static func yamlFlowListNotClosed(at location: SourceLocation) -> Diagnostic {
        .error(.yamlFlowListNotClosed, "the list '[' starting here is never closed; add ']'", at: location)
    }

    static func yamlFlowListSeparator(found token: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlFlowListSeparator, "expected ',' or ']' in the list, found '\(token)'", at: location)
    }

    static func yamlFlowListEmptyEntry(at location: SourceLocation) -> Diagnostic {
        .error(.yamlFlowListEmptyEntry,
               "empty entry in the list: two ',' in a row (or a ',' right after '['); remove one", at: location)
    }

    static func yamlPairInFlowList(at location: SourceLocation) -> Diagnostic {
        .error(.yamlPairInFlowList,
               "a 'key: value' pair inside '[...]' is not supported; quote the entry if ':' is part of the text",
               at: location)
    }

    static func yamlQuestionMarkInFlowList(at location: SourceLocation) -> Diagnostic {
        .error(.yamlQuestionMarkInFlowList,
               "an entry starting with '?' inside '[...]' is read differently by different YAML tools; put it in quotes",
               at: location)
    }

    static func yamlBlockIndentationIndicator(at location: SourceLocation) -> Diagnostic {
        .error(.yamlBlockIndentationIndicator, "the indentation indicator of block text must be 1 to 9, found '0'",
               at: location)
    }

    /// `indent` is the number of spaces before the first text line.
    static func yamlBlockLeadingSpaces(indent: Int, at location: SourceLocation) -> Diagnostic {
        .error(.yamlBlockLeadingSpaces,
               "this empty line at the start of block text has more spaces than the first text line (\(indent)); remove the extra spaces",
               at: location)
    }

    /// `character` is what follows the backslash (possibly empty at the end of the text).
    static func yamlUnknownEscape(_ character: Substring, at location: SourceLocation) -> Diagnostic {
        .error(.yamlInvalidEscape,
               "unknown escape '\\\(character)' in double-quoted text; write '\\\\' for a backslash, or use single quotes",
               at: location)
    }

    /// `name` is the escape's introducer, such as `\x`.
    static func yamlEscapeDigits(_ name: String, digits: Int, at location: SourceLocation) -> Diagnostic {
        .error(.yamlInvalidEscape, "escape '\(name)' needs \(digits) hexadecimal digits", at: location)
    }

    static func yamlEscapeNotCharacter(_ escape: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlInvalidEscape, "escape '\(escape)' is not a valid Unicode character", at: location)
    }

    /// `key` as shown; the note points at the first definition.
    static func yamlDuplicateKey(_ key: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        .error(.yamlDuplicateKey, "duplicate key '\(key)' in this mapping; each key may appear only once", at: location,
               notes: [Note("'\(key)' is first defined here", at: first)])
    }
}

// MARK: - JSON

extension Diagnostic {
    static func jsonTooDeep(maximumDepth: Int, at location: SourceLocation) -> Diagnostic {
        .error(.jsonTooDeep,
               "arrays and objects are nested more than \(maximumDepth) levels deep here; flatten the structure",
               at: location)
    }

    static func jsonTextAfterValue(_ token: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonTextAfterValue,
               "unexpected '\(token)' after the JSON value; a JSON file holds exactly one value", at: location)
    }

    static func jsonExpectedValueAtEnd(at location: SourceLocation) -> Diagnostic {
        .error(.jsonExpectedValue, "expected a JSON value, found the end of the file", at: location)
    }

    static func jsonExpectedValue(found token: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonExpectedValue,
               "expected a JSON value (object, array, string, number, true, false or null), found '\(token)'",
               at: location)
    }

    static func jsonExpectedValueBeforeComma(at location: SourceLocation) -> Diagnostic {
        .error(.jsonExpectedValue, "expected a value before ','; remove the extra ','", at: location)
    }

    static func jsonSingleQuotes(at location: SourceLocation) -> Diagnostic {
        .error(.jsonSingleQuotes, "strings in JSON use double quotes; write \"...\" instead of '...'", at: location)
    }

    static func jsonComment(at location: SourceLocation) -> Diagnostic {
        .error(.jsonComment, "comments are not allowed in JSON; remove them", at: location)
    }

    /// A number starting with `+` or `.`.
    static func jsonNumberStart(_ token: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonInvalidNumber, "invalid JSON number '\(token)'; write numbers like 12, -3.5 or 1e6", at: location)
    }

    /// `rule` says what is wrong, such as "leading zeros are not allowed".
    static func jsonInvalidNumber(_ token: String, rule: JSONNumberRule, at location: SourceLocation) -> Diagnostic {
        .error(.jsonInvalidNumber, "invalid JSON number '\(token)'; \(rule.rawValue)", at: location)
    }

    static func jsonObjectNotClosed(at location: SourceLocation) -> Diagnostic {
        .error(.jsonNotClosed, "the object '{' starting here is never closed; add '}'", at: location)
    }

    static func jsonArrayNotClosed(at location: SourceLocation) -> Diagnostic {
        .error(.jsonNotClosed, "the array '[' starting here is never closed; add ']'", at: location)
    }

    static func jsonStringNotClosed(at location: SourceLocation) -> Diagnostic {
        .error(.jsonStringNotClosed, "this string is never closed; add the closing '\"'", at: location)
    }

    static func jsonStringNotClosedOnLine(at location: SourceLocation) -> Diagnostic {
        .error(.jsonStringNotClosed,
               "this string is never closed on its line; add the closing '\"' (write '\\n' for a line break inside a string)",
               at: location)
    }

    /// `closing` is `}` or `]`.
    static func jsonTrailingComma(before closing: Character, at location: SourceLocation) -> Diagnostic {
        .error(.jsonTrailingComma, "trailing comma before '\(closing)' is not allowed in JSON; remove the ','", at: location)
    }

    /// `key` is the unquoted word as the user should write it inside double quotes.
    static func jsonUnquotedKey(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonInvalidKey, "object keys must be double-quoted strings in JSON; write '\"\(key)\"'", at: location)
    }

    static func jsonExpectedKey(found token: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonInvalidKey, "expected a double-quoted key in the object, found '\(token)'", at: location)
    }

    static func jsonMissingColon(key: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonMissingColon, "expected ':' after the key '\(key)'", at: location)
    }

    static func jsonDuplicateKey(_ key: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        .error(.jsonDuplicateKey, "duplicate key '\(key)' in this object; each key may appear only once", at: location,
               notes: [Note("'\(key)' is first defined here", at: first)])
    }

    static func jsonObjectSeparator(found token: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonSeparator, "expected ',' or '}' after the value in the object, found '\(token)'", at: location)
    }

    static func jsonArraySeparator(found token: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonSeparator, "expected ',' or ']' after the value in the array, found '\(token)'", at: location)
    }

    static func jsonControlCharacter(_ byte: UInt8, at location: SourceLocation) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return .error(.jsonControlCharacter,
                      "control character U+\(hex.count < 2 ? "000" : "00")\(hex) is not allowed in a JSON string; write it as an escape such as '\\t'",
                      at: location)
    }

    static func jsonHalfSurrogate(_ escape: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonInvalidEscape,
               "escape '\(escape)' is half of a surrogate pair; add the second half ('\\uDC00' to '\\uDFFF')", at: location)
    }

    static func jsonInvalidSurrogatePair(_ escape: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonInvalidEscape, "escape '\(escape)' is not a valid surrogate pair", at: location)
    }

    static func jsonUnpairedSurrogate(_ escape: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonInvalidEscape, "escape '\(escape)' is an unpaired surrogate, not a character", at: location)
    }

    /// `character` is what follows the backslash (empty at the end of the text).
    static func jsonUnknownEscape(_ character: Substring, at location: SourceLocation) -> Diagnostic {
        .error(.jsonInvalidEscape,
               "invalid escape '\\\(character)' in a JSON string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
               at: location)
    }

    static func jsonEscapeDigits(at location: SourceLocation) -> Diagnostic {
        .error(.jsonInvalidEscape, "escape '\\u' needs 4 hexadecimal digits", at: location)
    }

    /// `word` as written; `lowercased` as it must be written.
    static func jsonLiteralCase(_ word: String, lowercased: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonLiteralCase, "the literals of JSON are lower case; write '\(lowercased)' instead of '\(word)'",
               at: location)
    }

    static func jsonUnknownWord(_ word: String, at location: SourceLocation) -> Diagnostic {
        .error(.jsonUnknownWord,
               "unknown word '\(word)'; text in JSON must be a double-quoted string (\"\(word)\")", at: location)
    }
}

/// What makes a JSON number invalid, as said in its message.
enum JSONNumberRule: String {
    case digitAfterMinus = "a digit must follow '-'"
    case leadingZeros = "leading zeros are not allowed"
    case digitAfterDot = "a digit must follow '.'"
    case digitInExponent = "a digit must follow the exponent 'e'"
}
