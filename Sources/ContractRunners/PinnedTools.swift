import Foundation

/// Where the pinned Python tools live at run time (the venv `make venv` installs: moto, the AWS CLI, botocore):
/// `$SSM_CONTRACT_VENV`, else `./.venv`. `live`'s model check and `check-cli`'s default CLI both look here;
/// the Makefile's `VENV` and the tests' `PythonTools` name the same folder.
package enum PinnedTools {
    /// The environment variable naming the venv folder.
    package static let environmentVariable = "SSM_CONTRACT_VENV"

    /// The venv folder.
    package static func venv(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let custom = environment[environmentVariable], !custom.isEmpty { return URL(fileURLWithPath: custom) }
        return URL(fileURLWithPath: ".venv")
    }

    /// A program of the venv, e.g. `aws`.
    package static func program(
        _ name: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        venv(environment: environment).appendingPathComponent("bin").appendingPathComponent(name)
    }
}
