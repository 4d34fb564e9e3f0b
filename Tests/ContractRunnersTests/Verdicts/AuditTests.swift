import Foundation
import TestSupport
import Testing

@testable import ContractRunners

/// `ssm-contract audit` finds credentials, signatures, session tokens and account ids in every form they take.
@Suite(.serialized, .timeLimit(.minutes(1))) struct AuditTests {
    // AWS's documentation example credentials, assembled so that no scanner mistakes this file for a leak.
    static let accessKey = "AKIA" + "IOSFODNN7EXAMPLE"
    static let secretKey = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY"
    static let token = "IQoJb3JpZ2luX2Vj" + "EXAMPLEtokenEXAMPLEtokenEXAMPLEtoken"
    static let signature = String(repeating: "3f", count: 32)

    static func cassette(_ interactions: [String], header: String = "") -> String {
        """
        {"format": "ssm-contract.cassette", "version": 1, "source": "mock:moto@5.2.1", "recordedAt": "2026-01-01T00:00:00Z", \
        "tool": "ssm-contract 0.1.0"\(header), "interactions": [\(interactions.joined(separator: ","))]}
        """
    }

    static func interaction(
        url: String = "http://127.0.0.1:5000/",
        headers: [(String, String)] = [],
        body: String = #"{"json": {}}"#,
        response: String = #"{"json": {}}"#
    ) -> String {
        let list = headers.map { "[\"\($0.0)\", \"\($0.1)\"]" }.joined(separator: ",")
        return """
            {"operation": "GetCommandInvocation", "request": {"method": "POST", "url": "\(url)", "headers": [\(list)], "body": \(body)}, \
            "response": {"status": 200, "headers": [], "body": \(response)}}
            """
    }

    @Test func findsEachKindInEachFormNamingFileInteractionAndField() async throws {
        try await BinaryRun.withFolder { folder in
            let leaky = folder.appendingPathComponent("leaky.json")
            let percentSecret = Self.secretKey.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let base64 = Data("aws_secret_access_key = \(Self.secretKey)\n".utf8).base64EncodedString()
            let escapedToken =
                Self.token.prefix(4) + "\\u00"
                + String(format: "%02x", Character(String(Self.token.dropFirst(4).prefix(1))).asciiValue!)
                + Self.token.dropFirst(5)
            try Self.cassette([
                Self.interaction(headers: [
                    (
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=\(Self.accessKey)/20260101/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=\(Self.signature)"
                    )
                ]),
                Self.interaction(url: "http://127.0.0.1:5000/?note=SecretAccessKey%3D\(percentSecret)"),
                Self.interaction(body: "{\"text\": \"\(base64)\"}"),
                Self.interaction(headers: [("X-Amz-Security-Token", String(escapedToken))]),
                Self.interaction(
                    response: #"{"json": {"DocumentArn": "arn:aws:ssm:us-east-1:210987654321:document/Mine"}}"#
                ),
            ]).write(to: leaky, atomically: true, encoding: .utf8)
            let outcome = try await AuditRunner.run(AuditRunner.Options(paths: [leaky.path]))
            #expect(outcome.exitStatus == .violation)
            let lines = outcome.findings.map(\.line)
            let expected = [
                "\(leaky.path): interaction 1 (GetCommandInvocation), request.headers.Authorization: an AWS access key id (raw, AKIA… 20 characters)",
                "\(leaky.path): interaction 1 (GetCommandInvocation), request.headers.Authorization: a SigV4 signature (raw, 3f3f… 64 characters)",
                "\(leaky.path): interaction 2 (GetCommandInvocation), request.url: an AWS secret access key (percent-encoded, wJal… 40 characters)",
                "\(leaky.path): interaction 3 (GetCommandInvocation), request.body.text: an AWS secret access key (base64, wJal… 40 characters)",
                "\(leaky.path): interaction 4 (GetCommandInvocation), request.headers.X-Amz-Security-Token: a session token (JSON-escaped, IQoJ… 52 characters)",
                "\(leaky.path): interaction 5 (GetCommandInvocation), response.body.json.DocumentArn: an AWS account id (raw, 2109… 12 characters)",
            ]
            for line in expected { #expect(lines.contains(line), "missing \(line) in \(lines)") }
            #expect(
                !outcome.text.contains(Self.secretKey) && !outcome.text.contains(Self.accessKey)
                    && !outcome.text.contains(Self.signature),
                "the report never prints a secret whole"
            )

            let run = try await BinaryRun.run(["audit", leaky.path])
            #expect(run.status == 1)
            #expect(
                run.out.hasSuffix(
                    "audit: \(outcome.findings.count) secrets in 1 of 1 file; remove them before sharing these files (re-record: `ssm-contract record` redacts them)\n"
                )
            )
        }
    }

    /// A JSON body recorded as text (`body.text`) holds a key once: one finding, in the deepest field that holds
    /// it, in the form the file holds it (raw), not a second "JSON-escaped" one for the parsed body.
    @Test func aSecretInsideATextBodyIsOneFindingInItsDeepestField() async throws {
        try await BinaryRun.withFolder { folder in
            let leaky = folder.appendingPathComponent("text-body.json")
            let body = #"{\"StandardOutputContent\": \"key \#(Self.accessKey)\"}"#
            try Self.cassette([Self.interaction(response: "{\"text\": \"\(body)\"}")])
                .write(to: leaky, atomically: true, encoding: .utf8)
            let outcome = try await AuditRunner.run(AuditRunner.Options(paths: [leaky.path]))
            #expect(outcome.exitStatus == .violation)
            #expect(
                outcome.findings.map(\.line) == [
                    "\(leaky.path): interaction 1 (GetCommandInvocation), response.body.text.StandardOutputContent: an AWS access key id (raw, AKIA… 20 characters)"
                ]
            )
        }
    }

    @Test func pseudonymisedAccountIdsAndRedactionMarkersAreClean() async throws {
        try await BinaryRun.withFolder { folder in
            let clean = folder.appendingPathComponent("clean.json")
            try Self.cassette(
                [
                    Self.interaction(
                        headers: [
                            (
                                "Authorization",
                                "AWS4-HMAC-SHA256 Credential=<redacted:access-key>/20260101/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=<redacted:signature>"
                            ),
                            ("X-Amz-Security-Token", "<redacted:session-token>"),
                        ],
                        response: #"{"json": {"DocumentArn": "arn:aws:ssm:us-east-1:210987654321:document/Mine"}}"#
                    )
                ],
                header: #", "pseudonymisation": {"kinds": ["account-id"], "salt": "c2FsdA==", "keyed": false}"#
            )
            .write(to: clean, atomically: true, encoding: .utf8)
            let outcome = try await AuditRunner.run(AuditRunner.Options(paths: [clean.path]))
            #expect(outcome.findings.isEmpty, "\(outcome.findings.map(\.line))")
            #expect(outcome.exitStatus == .success)
        }
    }

    @Test func theBundledRecordingsAreCleanAndUnreadableInputIsExitTwo() async throws {
        let recordings = try await BinaryRun.run(["audit", "Recordings"])
        #expect(recordings.status == 0, "\(recordings.out)")
        #expect(recordings.out.hasSuffix(" files, no credentials, signatures, session tokens or account ids found\n"))
        let missing = try await BinaryRun.run(["audit", "/no/such/file.json"])
        #expect(missing.status == 2)
        #expect(
            missing.err
                == "ssm-contract: /no/such/file.json: no such file or folder; give cassette or report files or folders\n"
        )
        try await BinaryRun.withFolder { folder in
            let broken = folder.appendingPathComponent("broken.json")
            try "{\"format\": ".write(to: broken, atomically: true, encoding: .utf8)
            let run = try await BinaryRun.run(["audit", broken.path])
            #expect(run.status == 2)
            #expect(run.errorLines.count == 1 && run.err.contains("\(broken.path): is not valid JSON"))
        }
    }

    /// In a folder, a folder or a named pipe called `*.json` is not a file to scan (audit said it cannot be read).
    @Test func aFolderOrPipeNamedLikeACassetteIsNotScanned() async throws {
        try await BinaryRun.withFolder { folder in
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("2026.json"),
                withIntermediateDirectories: true
            )
            #expect(mkfifo(folder.appendingPathComponent("pipe.json").path, 0o600) == 0)
            try FileManager.default.copyItem(
                at: PackageRoot.path("Recordings/aws-docs/get-command-invocation-cli-example.json"),
                to: folder.appendingPathComponent("2026.json/cassette.json")
            )
            let run = try await BinaryRun.run(["audit", folder.path])
            #expect(run.status == 0, "\(run.err)")
            #expect(run.out.hasPrefix("audit: 1 file, no credentials"), "\(run.out)")
        }
    }
}
