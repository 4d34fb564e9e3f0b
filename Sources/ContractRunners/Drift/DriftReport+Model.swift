import Foundation

extension DriftReport.ModelCheck {
    /// Compares the committed SSM model (`Contracts/model`, compiled in) with the botocore installed in `venv`;
    /// skipped, with the reason, when the venv has no botocore or its model cannot be read.
    public static func run(venv: URL) async -> DriftReport.ModelCheck {
        guard let file = ModelDriftRunner.botocoreServiceFile(venv: venv) else {
            return .skipped(
                "model drift not checked: no botocore SSM model in \(venv.path) (run `make venv`, or set SSM_CONTRACT_VENV to a venv with botocore)"
            )
        }
        do {
            return .compared(
                try await ModelDriftRunner.run(
                    ModelDriftRunner.Options(
                        serviceFile: file,
                        botocoreVersion: botocoreVersion(serviceFile: file) ?? "installed"
                    )
                )
            )
        } catch {
            return .skipped("model drift not checked: \(error.message)")
        }
    }

    /// The version in `botocore/__init__.py` next to the service file's `data` folder (`1.43.11`).
    static func botocoreVersion(serviceFile: URL) -> String? {
        var package = serviceFile
        while package.lastPathComponent != "botocore", package.path != "/" { package.deleteLastPathComponent() }
        guard let text = try? String(contentsOf: package.appendingPathComponent("__init__.py"), encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("__version__") })
        else { return nil }
        return line.split(whereSeparator: { $0 == "'" || $0 == "\"" }).dropFirst().first.map(String.init)
    }

    /// One line for the report.
    public var line: String {
        switch self {
        case .compared(let report):
            return report.differences.isEmpty
                ? "model: no drift — \(report.botocoreFile) matches the committed model (botocore \(report.recordedBotocore))"
                : "model: \(Plural.count(report.differences.count, "difference")) between the committed model (botocore \(report.recordedBotocore)) and \(report.botocoreFile); run `make model` and review"
        case .skipped(let reason):
            return "model: \(reason)"
        }
    }
}
