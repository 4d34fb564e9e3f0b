extension MotoServer {
    /// A failure to start moto.
    public struct StartError: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }
}
