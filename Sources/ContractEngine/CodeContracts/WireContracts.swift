import RawJSON

/// Contracts on the awsJson1_1 wire form.
enum WireContracts {
    static let all: [CodeContract] = [jsonObject]

    /// `wire.json-object`: a successful response body is a JSON object.
    static let jsonObject = CodeContract(
        id: "wire.json-object",
        body: .observation { _, observation in
            switch observation.body {
            case .json(let body) where body.kind == .object: return .pass
            case .json(let other): return Verdict(.fail, detail: "the body is a JSON \(other.typeName), not an object")
            case .unreadable(let reason):
                guard let status = observation.status, (200..<300).contains(status) else { return .notApplicable }
                return Verdict(.fail, detail: reason)
            case .error: return .notApplicable
            }
        }
    )
}
