import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import Testing

/// Random credentials shaped like AWS's.
struct RandomCredentials {
    let accessKey: String
    let secretKey: String
    let sessionToken: String
    let signature: String

    init() {
        func random(_ alphabet: String, _ count: Int) -> String {
            String((0..<count).map { _ in alphabet.randomElement()! })
        }
        let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
        let base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        accessKey = "ASIA" + random(upper, 16)
        secretKey = random(base64, 40)
        sessionToken = "IQoJb3JpZ2luX2Vj" + random(base64, Int.random(in: 200...400)) + "=="
        signature = random("0123456789abcdef", 64)
    }

    var values: [String] { [accessKey, secretKey, sessionToken] }

    /// A request carrying every secret in a header, the URL, a JSON body and a nested JSON string.
    func request(host: String, form: Int) -> HTTPRequest {
        let unreserved = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
        )
        let percentToken = sessionToken.addingPercentEncoding(withAllowedCharacters: unreserved)!
        let body: Data
        switch form % 3 {
        case 0:
            let nested = JSONWriter.string(["token": .string(sessionToken), "secret": .string(secretKey)])
            body = JSONWriter.data([
                "SecretKey": .string(secretKey), "Parameters": .string(nested),
                "Note": .string("key \(accessKey) here"), "Id": "i-0123456789abcdef0",
            ])
        case 1:
            body = Data(
                "{\n  \"Password\": \"\(secretKey.replacingOccurrences(of: "/", with: "\\/"))\",\n  \"T\": \"\(sessionToken)\"\n}"
                    .utf8
            )
        default:
            body = Data([0xFF, 0xFE]) + Data(sessionToken.utf8) + Data([0x00]) + Data(secretKey.utf8)
        }
        return HTTPRequest(
            method: "POST",
            url:
                "\(host)/?X-Amz-Security-Token=\(percentToken)&X-Amz-Credential=\(accessKey)%2F20261121%2Fus-east-1%2Fssm%2Faws4_request&X-Amz-Signature=\(signature)",
            headers: [
                "X-Amz-Target": "AmazonSSM.PutParameter",
                "Authorization":
                    "AWS4-HMAC-SHA256 Credential=\(accessKey)/20261121/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token;x-amz-target, Signature=\(signature)",
                "X-Amz-Security-Token": sessionToken,
                "X-Secret-Echo": secretKey,
            ],
            body: body
        )
    }

    /// Every byte string that must not appear in a cassette file.
    var forbiddenStrings: [String] {
        let unreserved = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
        )
        return [
            accessKey, secretKey, sessionToken, signature,
            sessionToken.addingPercentEncoding(withAllowedCharacters: unreserved)!,
            secretKey.addingPercentEncoding(withAllowedCharacters: unreserved)!,
            Data(sessionToken.utf8).base64EncodedString(), Data(secretKey.utf8).base64EncodedString(),
            secretKey.replacingOccurrences(of: "/", with: "\\/"),
        ]
    }
}

@Suite struct RedactionTests {
    @Test func sigV4AuthorizationKeepsItsStructureButNotItsSecrets() async throws {
        try await withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("auth.json")
            let credentials = RandomCredentials()
            let host = try await withUpstream { upstream in
                try await CassetteTransport.withCassette(
                    file: url,
                    mode: .record,
                    upstream: upstream.transport,
                    options: .init(source: .synthetic)
                ) { transport in
                    _ = try await transport.send(credentials.request(host: upstream.baseURL, form: 0))
                }
                return upstream.baseURL
            }
            let stored = try Cassette.load(from: url).interactions[0].request
            #expect(
                stored.headers["Authorization"]
                    == "AWS4-HMAC-SHA256 Credential=<redacted:access-key>/20261121/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token;x-amz-target, Signature=<redacted:signature>"
            )
            #expect(stored.headers["X-Amz-Security-Token"] == "<redacted:session-token>")
            #expect(
                stored.url
                    == "\(host)/?X-Amz-Security-Token=<redacted:session-token>&X-Amz-Credential=<redacted:access-key>%2F20261121%2Fus-east-1%2Fssm%2Faws4_request&X-Amz-Signature=<redacted:signature>"
            )
        }
    }

    @Test func configuredRulesRedactByRegexAndJSONPath() async throws {
        try await withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("rules.json")
            let options = CassetteOptions(
                redaction: RedactionOptions(
                    headers: ["X-Ticket"],
                    rules: [
                        try .regex(
                            #"arn:aws:iam::(\d{12}):role/\S+"#,
                            replacement: "arn:aws:iam::$1:role/<redacted:role>"
                        ),
                        try .jsonPath(
                            "$.CommandInvocations[*].Comment",
                            replacement: "<redacted:comment>",
                            in: .response
                        ),
                    ]
                ),
                source: .synthetic
            )
            let body =
                #"{"CommandInvocations":[{"Comment":"deploy db password hunter2","ServiceRole":"arn:aws:iam::123456789012:role/Ops"},{"Comment":"x"}]}"#
            let echoed = try await withUpstream { upstream in
                try await CassetteTransport.withCassette(
                    file: url,
                    mode: .record,
                    upstream: upstream.transport,
                    options: options
                ) { transport in
                    var request = ssmRequest("ListCommandInvocations", body, host: upstream.baseURL)
                    request.headers.add(name: "X-Ticket", value: "T-1")
                    return try await transport.send(request)
                }
            }
            #expect(text(echoed) == body, "the caller gets the live response unchanged")
            let stored = try Cassette.load(from: url).interactions[0]
            #expect(stored.request.headers["X-Ticket"] == "<redacted:header>")
            #expect(echoed.headers["Content-Length"] == String(body.utf8.count))
            #expect(
                stored.response.headers["Content-Length"] == String(stored.response.body.data.count),
                "Content-Length follows the redacted body"
            )
            #expect(
                stored.response.body.data
                    == Data(
                        #"{"CommandInvocations":[{"Comment":"<redacted:comment>","ServiceRole":"arn:aws:iam::123456789012:role/<redacted:role>"},{"Comment":"<redacted:comment>"}]}"#
                            .utf8
                    )
            )
            #expect(
                stored.request.body.json?["CommandInvocations"]?[0]?["Comment"] == "deploy db password hunter2",
                "the rule is scoped to responses"
            )
        }
    }

    @Test func credentialMembersOfSTSShapesAreAlwaysRedacted() async throws {
        try await withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("sts.json")
            try await withUpstream { upstream in
                try await CassetteTransport.withCassette(
                    file: url,
                    mode: .record,
                    upstream: upstream.transport,
                    options: .init(source: .synthetic)
                ) { transport in
                    _ = try await transport.send(
                        ssmRequest(
                            "X",
                            #"{"Credentials":{"AccessKeyId":"AKIAIOSFODNN7EXAMPLE","SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","SessionToken":"FwoGZXIvYXdzE"}}"#,
                            host: upstream.baseURL
                        )
                    )
                }
            }
            let file = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            for secret in ["AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "FwoGZXIvYXdzE"] { #expect(!file.contains(secret)) }
        }
    }

    @Test func rulesLoadFromAFileAndBadRulesNameTheirField() async throws {
        try await withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("redaction.json")
            try Data(
                #"{"format":"ssm-contract.redaction","version":1,"headers":["X-Ticket"],"credentialEnvironment":["DB_PASSWORD","UNSET"],"rules":[{"regex":"hunter\\d","replacement":"<pw>"},{"jsonPath":"$..Comment","replacement":"<c>","in":"response"}]}"#
                    .utf8
            ).write(to: url)
            let options = try RedactionOptions.load(from: url, environment: ["DB_PASSWORD": "s3cr3t-value"])
            #expect(options.headers == ["X-Ticket"])
            #expect(options.credentialValues == ["s3cr3t-value"])
            #expect(
                options.rules.map(\.description) == [
                    #"regex hunter\d → <pw> in both"#, #"jsonPath $..Comment → "<c>" in response"#,
                ]
            )
            let bad: [(String, String)] = [
                (
                    #"{"format":"ssm-contract.redaction","version":1,"rules":[{"regex":"(","replacement":"x"}]}"#,
                    ": rules[0]: redaction regex \"(\" does not compile"
                ),
                (
                    #"{"format":"ssm-contract.redaction","version":1,"rules":[{"jsonPath":"Comment","replacement":"x"}]}"#,
                    ": rules[0]: JSON path \"Comment\": must start with $ at character 1"
                ),
                (
                    #"{"format":"ssm-contract.redaction","version":1,"rules":[{"jsonPath":"$.a","replacement":"x","in":"body"}]}"#,
                    ": rules[0].in: \"body\" is not request, response or both"
                ),
                (
                    #"{"format":"ssm-contract.redaction","version":1,"rules":[{"replacement":"x"}]}"#,
                    ": rules[0]: has neither \"regex\" nor \"jsonPath\""
                ),
                (#"{"format":"other","version":1}"#, ": format: is \"other\", not \"ssm-contract.redaction\""),
            ]
            for (content, expected) in bad {
                try Data(content.utf8).write(to: url)
                let error = #expect(throws: CassetteError.self) { try RedactionOptions.load(from: url) }
                #expect(
                    error?.description.hasPrefix(url.path + expected) == true,
                    "\(error.map { "\($0)" } ?? "no error")"
                )
            }
        }
    }

    @Test(arguments: ["$.A[*].B", "$..Comment", "$['odd key'][0]", "$.*.x"])
    func jsonPathsParse(path: String) throws {
        _ = try JSONPath(path)
    }

    @Test func tooShortCredentialValuesAreRefused() async throws {
        await withTemporaryFolder { folder in
            let error = #expect(throws: CassetteConfigurationError.self) {
                try CassetteTransport(
                    file: folder.appendingPathComponent("x.json"),
                    mode: .record,
                    upstream: idleCurlTransport,
                    options: .init(redaction: .init(credentialValues: ["abc"]), source: .synthetic)
                )
            }
            #expect(error?.message.contains("shorter than 4 characters") == true)
        }
    }
}
