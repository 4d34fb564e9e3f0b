import Foundation
import HTTPTransport
import RawJSON
import SSMOperations

/// The scheduled "did AWS change the API?" check: compares the committed SSM model with a botocore SSM service model
/// (`service-2.json` or `.json.gz`, e.g. from a freshly upgraded botocore).
public enum ModelDriftRunner: Runner {
    /// What to compare.
    public struct Options: Sendable {
        /// The botocore SSM service model (`service-2.json` or `.json.gz`).
        public var serviceFile: URL
        /// The label of the current side (the botocore version the file comes from).
        public var botocoreVersion: String
        /// The model compared against it (default: the committed one, compiled in).
        public var recorded: SSMShapeModel

        /// Options comparing `recorded` with `serviceFile`.
        public init(serviceFile: URL, botocoreVersion: String = "current", recorded: SSMShapeModel = .bundled) {
            self.serviceFile = serviceFile
            self.botocoreVersion = botocoreVersion
            self.recorded = recorded
        }
    }

    /// The result of one comparison.
    public struct Outcome: RunnerOutcome {
        /// The botocore service file compared against.
        public let botocoreFile: String
        /// The botocore version recorded in the committed model.
        public let recordedBotocore: String
        /// The differences (empty: no drift).
        public let differences: [ModelDifference]

        /// One line per difference, then a summary line.
        public var text: String {
            let lines = differences.map { "DRIFT \($0.description)" }
            let summary =
                differences.isEmpty
                ? "no drift: \(botocoreFile) matches the committed model (botocore \(recordedBotocore))"
                : "\(Plural.count(differences.count, "difference")) between the committed model (botocore \(recordedBotocore)) and \(botocoreFile); run `make model` and review"
            return (lines + [summary]).joined(separator: "\n") + "\n"
        }

        /// 0 without drift, 1 with.
        public var exitStatus: ExitStatus { differences.isEmpty ? .success : .violation }
    }

    /// botocore's SSM data file inside a Python environment's `site-packages`.
    public static func botocoreServiceFile(venv: URL) -> URL? {
        let lib = venv.appendingPathComponent("lib")
        let pythons =
            (try? FileManager.default.contentsOfDirectory(atPath: lib.path))?.filter { $0.hasPrefix("python") }.sorted()
            ?? []
        return pythons.map {
            lib.appendingPathComponent("\($0)/site-packages/botocore/data/ssm/2014-11-06/service-2.json.gz")
        }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Compares ``Options/recorded`` with the service model at ``Options/serviceFile``.
    ///
    /// - Throws: ``RunnerError``: bad input (2) for a missing, unreadable or malformed service file,
    ///   configuration (3) when `gzip` cannot be run.
    public static func run(_ options: Options) async throws(RunnerError) -> Outcome {
        let (serviceFile, recorded) = (options.serviceFile, options.recorded)
        let data = try read(serviceFile)
        let service: JSONValue
        do { service = try JSONParser.parse(data) } catch {
            throw RunnerError("\(serviceFile.path): not JSON: \(error)", status: .badInput)
        }
        let current: SSMShapeModel
        do {
            current = try SSMShapeModel.fromBotocore(
                service: service,
                operations: recorded.operations.map(\.name),
                botocoreVersion: options.botocoreVersion
            )
        } catch {
            throw RunnerError("\(serviceFile.path): \(error.message)", status: .badInput)
        }
        return Outcome(
            botocoreFile: serviceFile.path,
            recordedBotocore: recorded.source.botocoreVersion,
            differences: ModelDrift.compare(recorded: recorded, current: current)
        )
    }

    /// The file's bytes, gunzipped (with the system's `gzip`) when it ends in `.gz`.
    private static func read(_ url: URL) throws(RunnerError) -> Data {
        guard url.pathExtension == "gz" else {
            do { return try Data(contentsOf: url) } catch {
                throw RunnerError(
                    "\(url.path): cannot read the botocore service model (\(SystemErrorText.reason(error)))",
                    status: .badInput
                )
            }
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw RunnerError("\(url.path): no such readable file (the botocore SSM service model)", status: .badInput)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec gzip -dc -- \"$0\"", url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw RunnerError(
                "cannot run gzip to read \(url.path): \(SystemErrorText.reason(error))",
                status: .configuration
            )
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RunnerError(
                "\(url.path): not a readable gzip file (gzip exited \(process.terminationStatus))",
                status: .badInput
            )
        }
        return data
    }
}
