@testable import VardplanCore

// Fuzz target `index`: the reader of the content index (`ContentIndex.decode`), which reads
// files from the user's cache that anyone with access to it may have changed. Each input
// is read twice: as it is (almost always refused by the checksum), and with the checksum
// it would need appended, so that the layout reader behind the checksum is reached. An
// index that reads must encode to bytes that read back to the same index.

let fuzzIndexHeader = ContentIndex.Header(toolVersion: "fuzz", contentRoot: "/c", area: "shared")

func fuzzIndex(_ data: UnsafePointer<UInt8>?, _ size: Int) {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = ContentIndex.decode(bytes, expecting: fuzzIndexHeader)
    var sealed = bytes
    withUnsafeBytes(of: ContentIndex.checksum(bytes[...]).littleEndian) { sealed += $0 }
    guard let index = ContentIndex.decode(sealed, expecting: fuzzIndexHeader) else { return }
    guard ContentIndex.decode(index.encoded(fuzzIndexHeader), expecting: fuzzIndexHeader) == index else {
        fatalError("a content index that reads does not read back the same after encoding")
    }
}
