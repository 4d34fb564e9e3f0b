import Foundation

/// The texts a compiled rule compares with and the member names it reads, as UTF-8 bytes in one array.
///
/// A check refers to its texts by ``Span`` (where the bytes are) and ``Spans`` (a run of spans: the names of
/// a path, the members of a `one-of`), so a compiled rule is plain numbers and evaluating it touches no
/// reference count. Made once when the rule is compiled and never changed.
struct RuleTexts: Sendable {
    /// Where one text's bytes are in ``bytes``.
    struct Span: Sendable {
        let start: Int32
        let count: Int32
    }

    /// A run of consecutive ``Span``s in ``spans``.
    struct Spans: Sendable {
        let first: Int32
        let count: Int32

        static let none = Spans(first: 0, count: 0)
    }

    private(set) var bytes: [UInt8] = []
    private(set) var spans: [Span] = []

    /// Adds `text` and says where it is.
    mutating func span(_ text: String) -> Span {
        let span = Span(start: Int32(bytes.count), count: Int32(text.utf8.count))
        bytes += text.utf8
        return span
    }

    /// Adds `texts`, in order, and says where their spans are.
    mutating func spans(_ texts: some Sequence<String>) -> Spans {
        let first = spans.count
        for text in texts { spans.append(span(text)) }
        return Spans(first: Int32(first), count: Int32(spans.count - first))
    }

    /// Calls `body` with a reader of these texts, valid during the call.
    @inline(__always)
    func withReader<R>(_ body: (Reader) -> R) -> R {
        bytes.withUnsafeBufferPointer { bytes in
            spans.withUnsafeBufferPointer { spans in body(Reader(bytes: bytes, spans: spans)) }
        }
    }

    /// The texts, read without reference counting (valid inside ``withReader(_:)``).
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let spans: UnsafeBufferPointer<Span>

        /// The bytes of `span`.
        @inline(__always)
        func text(_ span: Span) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.start + span.count)])
        }

        /// The bytes of the `index`th span of `run`.
        @inline(__always)
        func text(_ run: Spans, _ index: Int) -> UnsafeBufferPointer<UInt8> { text(spans[Int(run.first) + index]) }

        /// Whether one of the texts of `run` is exactly `bytes`.
        @inline(__always)
        func contains(_ run: Spans, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
            for index in 0..<Int(run.count) {
                let span = spans[Int(run.first) + index]
                guard Int(span.count) == wanted.count else { continue }
                if wanted.isEmpty
                    || memcmp(bytes.baseAddress! + Int(span.start), wanted.baseAddress!, wanted.count) == 0
                {
                    return true
                }
            }
            return false
        }
    }
}
