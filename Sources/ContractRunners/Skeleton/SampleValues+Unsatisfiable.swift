extension SampleValues {
    /// A string shape for which no candidate satisfies the constraints.
    package struct Unsatisfiable: Error, Sendable, CustomStringConvertible {
        /// Where the value was needed.
        package let path: String
        /// Why no candidate fits.
        package let reason: String
        package var description: String { "no sample value satisfies \(path): \(reason)" }
    }
}
