import AWSWire
import RawJSON

/// Contracts on error responses. The error lists are parameters in the catalog (`Contracts/errors.yaml`).
enum ErrorContracts {
    static let all: [CodeContract] = [documented, httpStatus]

    /// `errors.documented`: an error decodes to an error the operation models, or a common AWS error. Codes are
    /// compared exactly: a misspelled code is a violation (docs/aws-behaviour.md#errors).
    static let documented = CodeContract(
        id: "errors.documented",
        body: .observation { contract, observation in
            switch observation.body {
            case .json: return .notApplicable
            case .unreadable(let reason):
                if let status = observation.status, (200..<300).contains(status) { return .notApplicable }
                return Verdict(.fail, detail: "the error response is not an AWS error: \(reason)")
            case .error(let error):
                let modeled = codes(contract.parameters["modeled"]?[observation.operation])
                guard !modeled.isEmpty else {
                    return Verdict(.notApplicable, detail: "no modeled errors listed for \(observation.operation)")
                }
                let common = codes(contract.parameters["common"])
                if modeled.contains(error.code) || common.contains(error.code) { return .pass }
                return Verdict(
                    .fail,
                    field: "__type",
                    value: .string(error.code),
                    detail: "expected one of \(modeled.joined(separator: ", ")) or a common AWS error"
                )
            }
        }
    )

    /// `errors.http-status`: modeled client errors come with HTTP 400, server faults with 500.
    static let httpStatus = CodeContract(
        id: "errors.http-status",
        body: .observation { contract, observation in
            guard case .error(let error) = observation.body else { return .notApplicable }
            guard let status = observation.status else {
                return Verdict(.notApplicable, detail: "the HTTP status is not known")
            }
            guard codes(contract.parameters["modeled"]?[observation.operation]).contains(error.code) else {
                return .notApplicable
            }
            let expected =
                contract.parameters["faults"]?[error.code]?.intValue ?? contract.parameters["client-status"]?.intValue
                ?? 400
            return status == expected
                ? .pass
                : Verdict(
                    .fail,
                    value: .number(JSONNumber(status)),
                    detail: "expected HTTP status \(expected) for \(error.code)"
                )
        }
    )

    static func codes(_ value: JSONValue?) -> [String] {
        (value?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
