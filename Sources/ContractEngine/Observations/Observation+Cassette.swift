import AWSWire
import Cassettes
import HTTPTransport
import RawJSON

extension CassetteSource {
    /// The deviation target a source stands for: `mock:moto@5.2.1` → `moto-5.2.1`; `live`, `aws-docs`,
    /// `synthetic` as they are.
    public var target: String {
        switch self {
        case .mock(let name, let version): "\(name)-\(version)"
        default: description
        }
    }
}

extension Observation {
    /// The observations of a cassette, in recorded order. Interactions without an `X-Amz-Target` operation
    /// are left out (they are counted by the caller).
    public static func observations(of cassette: Cassette, file: String) -> [Observation] {
        var result: [Observation] = []
        result.reserveCapacity(cassette.interactions.count)
        forEachObservation(of: cassette, file: file) { result.append($0) }
        return result
    }

    /// Calls `body` with each observation of a cassette, in recorded order, one at a time. Returns how many
    /// interactions were left out because they name no operation.
    @discardableResult
    public static func forEachObservation(of cassette: Cassette, file: String, _ body: (Observation) -> Void) -> Int {
        // The model is written and read back as a file would be: one mapping from stored interactions.
        // A cassette's own form always reads back.
        let stored = try! CassetteFile(tape: JSONTape(cassette.jsonValue), file: file)
        return forEachObservation(of: stored, file: file, body)
    }

    /// Calls `body` with each observation of a cassette file (or of the interactions in `range`), in recorded
    /// order, one at a time (nothing is kept; request and response bodies are read from the file's tape).
    /// Returns how many interactions were left out because they name no operation.
    @discardableResult
    public static func forEachObservation(
        of cassette: CassetteFile,
        file: String,
        interactions range: Range<Int>? = nil,
        _ body: (Observation) -> Void
    ) -> Int {
        let target = cassette.header.source.target
        let scenario = cassette.header.extra["scenario"].flatMap(ScenarioExpectations.init(json:))
        var skipped = 0
        for index in range ?? cassette.interactions.indices {
            let interaction = cassette.interactions[index]
            guard let operation = interaction.operation else {
                skipped += 1
                continue
            }
            body(
                Observation(
                    operation: operation,
                    request: interaction.requestBody.json,
                    status: interaction.status,
                    body: Self.body(of: interaction, operation: operation),
                    time: interaction.startedAt.withUTF8String { TimeValue.parseISO8601($0)?.epochSeconds },
                    location: ObservationLocation(file: file, interaction: index),
                    target: target,
                    scenario: scenario
                )
            )
        }
        return skipped
    }

    static func body(of interaction: StoredInteraction, operation: String) -> Body {
        if (200..<300).contains(interaction.status) {
            switch interaction.responseBody {
            case .json(let value): return .json(value)
            case .empty: return .unreadable("the body is empty")
            case .text(let value):
                let text = value.stringValue!
                do {
                    return .json(try JSONTape.parse(Array(text.utf8)).root)
                } catch {
                    return .unreadable(Self.describe(text: text, error: error))
                }
            case .binary: return .unreadable("the body is not UTF-8 text")
            }
        }
        // Error responses are decoded from the recorded bytes, headers included (the AWS error decoder reads both).
        let response = HTTPResponse(
            status: interaction.status,
            headers: interaction.responseHeaders.headers,
            body: interaction.responseBody.body.data
        )
        switch AWSErrorDecoder.decode(response, operation: operation) {
        case .service(let error): return .error(error)
        case .unreadable(let status, let reason): return .unreadable("HTTP \(status): \(reason)")
        }
    }

    static func describe(text: String, error: JSONParseError) -> String {
        let head = text.prefix(200).lowercased()
        if head.contains("<html") || head.contains("<!doctype") { return "the body is an HTML page, not JSON" }
        return "the body is not JSON: \(error)"
    }
}

extension String {
    /// Calls `body` with the UTF-8 bytes of a copy of the string.
    func withUTF8String<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = self
        return copy.withUTF8(body)
    }
}
