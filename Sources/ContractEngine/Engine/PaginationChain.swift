import RawJSON

/// Pages are chained within one file (a recording session) of one target.
struct PageKey: Sendable, Hashable {
    let target: String
    let file: String
}

/// One ListCommandInvocations page, reduced to what the pagination contracts need.
public struct ChainPage: Sendable {
    /// Where it was read.
    public let location: ObservationLocation
    /// The `NextToken` the request sent, if any.
    public let requestToken: String?
    /// The `NextToken` the response returned (`nil` when absent or empty).
    public let responseToken: String?
    /// The request without `NextToken` and `MaxResults`: pages of one listing share it.
    public let query: String
    /// `CommandId`/`InstanceId` of every invocation on the page.
    public let invocations: [String]
}

/// The pages of one listing, in the order they were fetched, linked by `NextToken`.
public struct PaginationChain: Sendable {
    public let target: String
    public let pages: [ChainPage]
}

extension RunAccumulator {
    /// Keeps what the pagination contracts need from a ListCommandInvocations page.
    mutating func collectPage(_ observation: Observation, _ body: JSONTape.Value) {
        guard observation.operation == "ListCommandInvocations" else { return }
        var query = ""
        var requestToken: String?
        if case .object(let request)? = observation.request?.json {
            requestToken = request["NextToken"]?.stringValue
            let members = request.members.filter { $0.key != "NextToken" && $0.key != "MaxResults" }
            query = JSONWriter.string(JSONValue.object(JSONObject(members)).sortedKeys)
        }
        let token = body["NextToken"]?.stringValue
        let invocations = (body["CommandInvocations"]?.arrayValue ?? []).map {
            "\($0["CommandId"]?.stringValue ?? "?")/\($0["InstanceId"]?.stringValue ?? "?")"
        }
        let page = ChainPage(
            location: observation.location,
            requestToken: requestToken,
            responseToken: token?.isEmpty == false ? token : nil,
            query: query,
            invocations: invocations
        )
        pages[PageKey(target: observation.target, file: observation.location.file), default: []].append(page)
    }

    /// Links pages into chains: a page requested with token T continues the chain whose last page returned T;
    /// any other page starts a chain.
    func chains() -> [PaginationChain] {
        var result: [PaginationChain] = []
        for key in pages.keys.sorted(by: { ($0.target, $0.file) < ($1.target, $1.file) }) {
            var open: [[ChainPage]] = []
            for page in pages[key]! {
                if let token = page.requestToken,
                    let index = open.lastIndex(where: {
                        $0.last?.responseToken == token && $0.last?.query == page.query
                    })
                {
                    open[index].append(page)
                } else {
                    open.append([page])
                }
            }
            result += open.map { PaginationChain(target: key.target, pages: $0) }
        }
        return result
    }
}
