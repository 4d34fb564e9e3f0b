/// Contracts over NextToken chains of ListCommandInvocations pages.
enum PaginationContracts {
    static let all: [CodeContract] = [noDuplicates, tokenTerminates]

    /// `pagination.no-duplicates`: no invocation (CommandId/InstanceId) appears twice across the pages of a listing.
    static let noDuplicates = CodeContract(
        id: "pagination.no-duplicates",
        body: .chain { _, chain in
            var seen = Set<String>()
            for page in chain.pages {
                for invocation in page.invocations where !seen.insert(invocation).inserted {
                    return (
                        Verdict(
                            .fail,
                            field: "CommandInvocations",
                            value: .string(invocation),
                            detail: "invocation \(invocation) was already listed on an earlier page of this listing"
                        ), page
                    )
                }
            }
            return (.pass, nil)
        }
    )

    /// `pagination.token-terminates`: the listing ends with a page without NextToken; a token never repeats.
    static let tokenTerminates = CodeContract(
        id: "pagination.token-terminates",
        body: .chain { _, chain in
            var used = Set<String>()
            for page in chain.pages {
                if let token = page.requestToken { used.insert(token) }
                if let token = page.responseToken, used.contains(token) {
                    return (
                        Verdict(
                            .fail,
                            field: "NextToken",
                            value: .string(token),
                            detail: "NextToken repeats a token already used in this listing: the pages never end"
                        ), page
                    )
                }
            }
            if chain.pages.last?.responseToken != nil {
                return (Verdict(.notApplicable, detail: "the recording stops before the last page"), chain.pages.last)
            }
            return (.pass, nil)
        }
    )
}
