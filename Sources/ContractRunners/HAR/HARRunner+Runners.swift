import Cassettes

extension HARRunner {
    /// `ssm-contract har export CASSETTE [--output FILE]`.
    public enum Export: Runner {
        /// The options of an export.
        public struct Options: Sendable {
            /// The cassette to export.
            public var cassette: String
            /// The HAR file to write; `nil` or `-`: standard output.
            public var output: String?

            /// Options exporting `cassette` to `output`.
            public init(cassette: String, output: String? = nil) {
                self.cassette = cassette
                self.output = output
            }
        }

        /// The HAR text when written to standard output, else empty (exit 0).
        public typealias Outcome = TextOutcome

        /// Exports the cassette (``HARRunner/export(cassette:output:)``).
        public static func run(_ options: Options) async throws(RunnerError) -> Outcome {
            Outcome(text: try export(cassette: options.cassette, output: options.output) ?? "")
        }
    }

    /// `ssm-contract har import FILE.har --output CASSETTE --source SOURCE [--force]`.
    public enum Import: Runner {
        /// The options of an import.
        public struct Options: Sendable {
            /// The HAR file.
            public var file: String
            /// The cassette to write.
            public var output: String
            /// Where the captured answers came from: `live`, `mock:NAME@VERSION`, `aws-docs` or `synthetic`.
            public var source: String
            /// Replace ``output`` when it exists.
            public var force = false
            /// What recording removes besides the built-in rules.
            public var redaction = RedactionOptions()

            /// Options importing `file` into `output`.
            public init(file: String, output: String, source: String) {
                self.file = file
                self.output = output
                self.source = source
            }
        }

        /// What was imported and what was skipped, one line (exit 0).
        public typealias Outcome = TextOutcome

        /// Imports the HAR file (``HARRunner/importHAR(_:output:source:force:redaction:)``).
        ///
        /// - Throws: ``RunnerError`` (exit 2) for a source that is not one, and as `importHAR` does.
        public static func run(_ options: Options) async throws(RunnerError) -> Outcome {
            guard let source = CassetteSource(options.source) else {
                throw RunnerError(
                    "--source \(options.source): use live, mock:NAME@VERSION (e.g. mock:moto@5.2.1), aws-docs or synthetic",
                    status: .badInput
                )
            }
            return Outcome(
                text: try importHAR(
                    options.file,
                    output: options.output,
                    source: source,
                    force: options.force,
                    redaction: options.redaction
                )
            )
        }
    }
}
