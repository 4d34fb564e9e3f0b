extension SampleValues {
    /// A string shape for which no candidate satisfies the constraints.
    public struct Unsatisfiable: Error, Sendable, CustomStringConvertible {
        /// Where the value was needed.
        public let path: String
        /// Why no candidate fits.
        public let reason: String
        public var description: String { "no sample value satisfies \(path): \(reason)" }
    }
}
