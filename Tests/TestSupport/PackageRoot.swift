import Foundation

/// Locations in the package checkout, for tests.
public enum PackageRoot {
    /// The package root (the folder holding `Package.swift`), found from this source file's path.
    public static let url: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A path inside the package root.
    public static func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }
}

/// The pinned Python tools (moto, awscli, boto3, botocore) that `make venv` installs into `.venv`.
public enum PythonTools {
    /// The venv folder: `$SSM_CONTRACT_VENV`, else `.venv` in the package root (ContractRunners' `PinnedTools`
    /// looks in the same place at run time, relative to the current folder; TestSupport sits below it).
    public static var venv: URL {
        if let custom = ProcessInfo.processInfo.environment["SSM_CONTRACT_VENV"], !custom.isEmpty {
            return URL(fileURLWithPath: custom)
        }
        return PackageRoot.path(".venv")
    }

    /// The path of a program in the venv's `bin`, e.g. `python`, `aws`.
    public static func program(_ name: String) -> URL {
        venv.appendingPathComponent("bin").appendingPathComponent(name)
    }

    /// The venv's `site-packages` folder, whatever the Python version (`lib/python3.X/site-packages`; on
    /// Debian-style layouts also `lib/python3/dist-packages`); `lib/python3/site-packages` when none exists yet.
    public static var sitePackages: URL {
        let lib = venv.appendingPathComponent("lib")
        let versions =
            ((try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []).filter { $0.hasPrefix("python") }
            .sorted()
        let candidates = versions.flatMap { version in
            ["site-packages", "dist-packages"].map { lib.appendingPathComponent(version).appendingPathComponent($0) }
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
            ?? lib.appendingPathComponent("python3/site-packages")
    }

    /// Whether the venv exists (tests that need it fail with ``missingMessage`` otherwise).
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: program("python").path) }

    /// What to do when the venv is missing.
    public static let missingMessage =
        "the pinned Python tools are not installed: run `make venv` (or `make test`, which installs them)"
}
