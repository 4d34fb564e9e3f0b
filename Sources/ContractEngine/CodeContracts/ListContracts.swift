import RawJSON

/// ListCommandInvocations contracts that need the request.
enum ListContracts {
    static let all: [CodeContract] = [pluginsOnlyWithDetails, maxResults]

    /// `list.plugins-only-with-details`: without `Details: true`, invocations carry no plugins (absent or `[]`).
    static let pluginsOnlyWithDetails = CodeContract(
        id: "list.plugins-only-with-details",
        body: .response { _, observation, body, record in
            let details = observation.request.map { $0["Details"]?.boolValue ?? false }
            for (i, invocation) in (body["CommandInvocations"]?.arrayValue ?? []).enumerated() {
                let path = "$.CommandInvocations[\(i)]"
                let plugins = invocation["CommandPlugins"]
                let hasPlugins = plugins?.arrayValue?.isEmpty == false
                switch (details, hasPlugins) {
                case (true?, _), (_, false): record(.pass, path)
                case (nil, true):
                    record(
                        Verdict(
                            .notApplicable,
                            detail: "plugins are listed but the request is not known (give --request)"
                        ),
                        path
                    )
                case (false?, true):
                    record(
                        Verdict(
                            .fail,
                            field: "CommandPlugins",
                            value: plugins?.json,
                            detail:
                                "expected no CommandPlugins (absent or []) because the request did not set Details: true"
                        ),
                        path
                    )
                }
            }
        }
    )

    /// `pagination.max-results`: a page holds at most the `MaxResults` the request asked for.
    static let maxResults = CodeContract(
        id: "pagination.max-results",
        body: .response { _, observation, body, record in
            guard let limit = observation.request?["MaxResults"]?.intValue else {
                record(Verdict(.notApplicable, detail: "the request sets no MaxResults"), "$")
                return
            }
            let count = body["CommandInvocations"]?.arrayValue?.count ?? 0
            record(
                count <= limit
                    ? .pass
                    : Verdict(
                        .fail,
                        field: "CommandInvocations",
                        value: .number(JSONNumber(count)),
                        detail: "expected at most MaxResults = \(limit) invocations, found \(count)"
                    ),
                "$"
            )
        }
    )
}
