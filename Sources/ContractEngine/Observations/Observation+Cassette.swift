import AWSWire
import Cassettes
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
        let target = cassette.header.source.target
        var result: [Observation] = []
        result.reserveCapacity(cassette.interactions.count)
        for (index, interaction) in cassette.interactions.enumerated() {
            guard let operation = interaction.operation else { continue }
            result.append(Observation(
                operation: operation,
                request: interaction.request.body.json,
                status: interaction.response.status,
                body: body(of: interaction.response, operation: operation),
                time: interaction.startedAt.withUTF8String { TimeValue.parseISO8601($0)?.epochSeconds },
                location: ObservationLocation(file: file, interaction: index),
                target: target))
        }
        return result
    }

    static func body(of response: RecordedResponse, operation: String) -> Body {
        if (200..<300).contains(response.status) {
            switch response.body {
            case .json(let value): return .json(value)
            case .empty: return .unreadable("the body is empty")
            case .text(let text):
                do {
                    return .json(try JSONParser.parse(text))
                } catch {
                    return .unreadable(Self.describe(text: text, error: error))
                }
            case .binary: return .unreadable("the body is not UTF-8 text")
            }
        }
        switch AWSErrorDecoder.decode(response.httpResponse, operation: operation) {
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
