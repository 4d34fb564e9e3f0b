import Foundation
import HTTPTransport
import RawJSON
import TestSupport
import Testing

@testable import AWSWire

/// Signs randomized SSM requests with our client and with botocore's `SigV4Auth` (the pinned venv), and compares
/// the full Authorization headers.
@Suite struct BotocoreOracleTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/oracle/botocore_sigv4.py")

    @Test(.timeLimit(.minutes(2))) func botocoreAgreesOnRandomizedSSMRequests() async throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        var random = SeededRandom(seed: 0x5353_4D2D_6F72_6163)
        var cases: [JSONValue] = []
        var ours: [String] = []
        for _ in 0..<250 {
            let sample = RandomSSMRequest(&random)
            let request = sample.client.signedRequest(
                operation: sample.operation,
                payload: sample.body,
                invocationID: sample.invocationID,
                attempt: sample.attempt,
                maxAttempts: 3
            )
            ours.append(try #require(request.headers["Authorization"]))
            let passed = request.headers.filter {
                !["host", "authorization", "x-amz-date", "x-amz-security-token"].contains($0.name.lowercased())
            }
            let credentials = sample.client.configuration.credentials
            cases.append(
                .object(
                    JSONObject([
                        "method": .string(request.method), "url": .string(request.url),
                        "headers": .array(passed.map { .array([.string($0.name), .string($0.value)]) }),
                        "body_base64": .string(request.body.base64EncodedString()),
                        "access_key": .string(credentials.accessKeyID),
                        "secret_key": .string(credentials.secretAccessKey),
                        "token": credentials.sessionToken.map { .string($0) } ?? .null,
                        "region": .string(sample.client.configuration.region), "service": "ssm",
                        "amz_date": .string(try #require(request.headers["X-Amz-Date"])),
                    ])
                )
            )
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sigv4-oracle-\(UUID().uuidString).json"
        )
        try JSONWriter.data(.array(cases)).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let oracle = try ChildProcess(PythonTools.program("python").path, [Self.script.path, file.path])
        defer { oracle.stop() }
        let output = try await oracle.readLine()
        #expect(await oracle.waitForExit() == 0)
        let theirs = try JSONParser.parse(output).arrayValue?.compactMap(\.stringValue) ?? []
        #expect(theirs.count == 250)
        var disagreements = 0
        for (index, (mine, botocore)) in zip(ours, theirs).enumerated() where mine != botocore {
            disagreements += 1
            Issue.record("case \(index): ours \(mine) ≠ botocore \(botocore)")
        }
        #expect(disagreements == 0)
    }
}

/// One random SSM request: client configuration (region, endpoint with or without a port, credentials with or
/// without a session token, clock), operation, body.
struct RandomSSMRequest {
    let client: AWSJSONClient
    let operation: String
    let body: Data
    let invocationID: String
    let attempt: Int

    static let operations = [
        "SendCommand", "GetCommandInvocation", "ListCommandInvocations", "ListCommands", "CancelCommand",
        "DescribeInstanceInformation", "GetParameter", "PutParameter",
    ]
    static let regions = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1", "cn-north-1", "me-central-1"]

    init(_ random: inout SeededRandom) {
        let region = Self.regions[random.next(below: Self.regions.count)]
        let endpoints = [
            "https://ssm.\(region).amazonaws.com", "http://127.0.0.1:\(random.next(below: 60000) + 1024)",
            "http://localhost:\(random.next(below: 60000) + 1024)", "https://ssm.\(region).amazonaws.com:8443",
            "http://127.0.0.1:80", "https://example.test:443/", "http://[::1]:\(random.next(below: 60000) + 1024)",
            "http://LocalStack.internal:4566/",
        ]
        let endpoint = try! AWSEndpoint(endpoints[random.next(below: endpoints.count)])
        let credentials = AWSCredentials(
            accessKeyID: "AKIA" + random.string(length: 16, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
            secretAccessKey: random.string(
                length: 40,
                alphabet: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/"
            ),
            sessionToken: random.next(below: 2) == 0
                ? nil : random.string(length: 64 + random.next(below: 300), alphabet: "ABCDEFGHabcdefgh0123456789+/=")
        )
        let date = Date(timeIntervalSince1970: Double(1_300_000_000 + random.next(below: 700_000_000)))
        client = AWSJSONClient(
            transport: UnusedTransport(),
            configuration: AWSConfiguration(credentials: credentials, region: region, endpoint: endpoint),
            clock: .fixed(date)
        )
        operation = Self.operations[random.next(below: Self.operations.count)]
        body = JSONWriter.data(random.jsonObject(depth: 0))
        invocationID = UUID().uuidString.lowercased()
        attempt = random.next(below: 3) + 1
    }
}

/// A transport that must never be called (the oracle test only signs).
struct UnusedTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        Issue.record("UnusedTransport.send called")
        return HTTPResponse(status: 599)
    }
}

/// Generated test cases from the shared seeded generator (``SeededRandom``, TestSupport).
extension SeededRandom {
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func string(length: Int, alphabet: String) -> String {
        let characters = Array(alphabet)
        return String((0..<length).map { _ in characters[next(below: characters.count)] })
    }

    mutating func jsonObject(depth: Int) -> JSONValue {
        let keys = [
            "CommandId", "InstanceId", "InstanceIds", "DocumentName", "Parameters", "Comment", "MaxResults",
            "NextToken", "Details", "Filters", "PluginName", "TimeoutSeconds",
        ]
        var object = JSONObject()
        for _ in 0..<next(below: 6) { object[keys[next(below: keys.count)]] = jsonValue(depth: depth + 1) }
        return .object(object)
    }

    mutating func jsonValue(depth: Int) -> JSONValue {
        switch next(below: depth > 2 ? 4 : 6) {
        case 0: return .string(string(length: next(below: 40), alphabet: "abc XYZ-_/é日本\"\\\n\t✓🚀0123456789"))
        case 1: return .number(JSONNumber(next(below: 100_000) - 500))
        case 2: return .bool(next(below: 2) == 0)
        case 3: return .number(JSONNumber(literal: "1.54208164084E9"))
        case 4: return .array((0..<next(below: 4)).map { _ in jsonValue(depth: depth + 1) })
        default: return jsonObject(depth: depth)
        }
    }
}
