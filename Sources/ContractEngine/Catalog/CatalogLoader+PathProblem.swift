extension CatalogLoader {
    /// Why a subject path leads nowhere.
    struct PathProblem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
