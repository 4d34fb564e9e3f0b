import RawJSON
import Testing

@testable import SSMOperations

@Suite struct ShapeValidatorTests {
    let validator = ShapeValidator(model: .bundled)

    func rules(_ json: String, _ shape: String, _ validator: ShapeValidator? = nil) throws -> [ShapeViolation.Rule] {
        try (validator ?? self.validator).validate(JSONParser.parse(json), shape: shape).map(\.rule)
    }

    @Test func validResponsePasses() throws {
        let body = """
            {"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678","InstanceId":"i-1234567890abcdef0","ResponseCode":-1,
             "Status":"InProgress","StatusDetails":"InProgress","StandardOutputContent":"","ExecutionStartDateTime":"2024-01-01T00:00:00Z"}
            """
        #expect(try rules(body, "GetCommandInvocationResult").isEmpty)
    }

    /// docs/aws-behaviour.md#times: real responses break the model's StringDateTime pattern (`.419Z` milliseconds,
    /// `PT…` durations in ExecutionElapsedTime). The validator judges the model as written; callers that judge
    /// genuine AWS responses must not treat these as violations.
    @Test func realAWSValuesBreakTheModelsStringDateTimePattern() throws {
        let observed = #"{"ExecutionStartDateTime":"2020-02-19T18:18:03.419Z","ExecutionElapsedTime":"PT0.091S"}"#
        #expect(try rules(observed, "GetCommandInvocationResult") == [.pattern, .pattern])
    }

    @Test func namesPathShapeAndRule() throws {
        let body =
            #"{"CommandInvocations":[{"CommandId":"CommandId","Status":"Paused","CommandPlugins":[{"ResponseCode":1.5}]}]}"#
        let violations = validator.validate(try JSONParser.parse(body), shape: "ListCommandInvocationsResult").map(
            \.description
        )
        #expect(
            violations == [
                "CommandInvocations[0].CommandId (CommandId): length 9 is below the minimum 36",
                "CommandInvocations[0].Status (CommandInvocationStatus): \"Paused\" is not one of Pending, InProgress, Delayed, Success, Cancelled, TimedOut, Failed, Cancelling",
                "CommandInvocations[0].CommandPlugins[0].ResponseCode (ResponseCode): expected an integer, found 1.5",
            ]
        )
    }

    @Test func typesRequiredUnknownAndRanges() throws {
        #expect(try rules(#"{"InstanceId":"i-1234567890abcdef0"}"#, "GetCommandInvocationRequest") == [.required])
        #expect(
            try rules(
                #"{"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678","InstanceId":"i-12345678","Bogus":1}"#,
                "GetCommandInvocationRequest"
            ) == [.unknownMember]
        )
        #expect(
            try rules(
                #"{"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678","InstanceId":"i-12345678","Bogus":1}"#,
                "GetCommandInvocationRequest",
                ShapeValidator(model: .bundled, rejectUnknownMembers: false)
            ).isEmpty
        )
        #expect(try rules(#"{"MaxResults":51}"#, "ListCommandInvocationsRequest") == [.maxValue])
        #expect(try rules(#"{"MaxResults":"5"}"#, "ListCommandInvocationsRequest") == [.type])
        #expect(try rules(#"{"Details":"yes"}"#, "ListCommandInvocationsRequest") == [.type])
        #expect(try rules(#"{"Filters":[]}"#, "ListCommandInvocationsRequest") == [.minLength])
        #expect(
            try rules(
                #"{"Filters":[{"key":"Status","value":"x"},{"key":"Status","value":"x"},{"key":"Status","value":"x"},{"key":"Status","value":"x"},{"key":"Status","value":"x"},{"key":"Status","value":"x"}]}"#,
                "ListCommandInvocationsRequest"
            ) == [.maxLength]
        )
        #expect(
            try rules(
                #"{"StandardOutputContent":"\#(String(repeating: "é", count: 24001))"}"#,
                "GetCommandInvocationResult"
            ) == [.maxLength]
        )
        #expect(
            try rules(
                #"{"StandardOutputContent":"\#(String(repeating: "é", count: 24000))"}"#,
                "GetCommandInvocationResult"
            ).isEmpty
        )
    }

    @Test func timestampForms() throws {
        let wire = #"{"Commands":[{"RequestedDateTime":1704067200.123}]}"#
        let printed = #"{"Commands":[{"RequestedDateTime":"2024-01-01T00:00:00+00:00"}]}"#
        #expect(try rules(wire, "ListCommandsResult").isEmpty)
        #expect(try rules(printed, "ListCommandsResult") == [.type])
        #expect(try rules(printed, "ListCommandsResult", ShapeValidator(model: .bundled, timestamps: .iso8601)).isEmpty)
        #expect(
            try rules(
                #"{"Commands":[{"RequestedDateTime":"yesterday"}]}"#,
                "ListCommandsResult",
                ShapeValidator(model: .bundled, timestamps: .any)
            ) == [.type]
        )
    }

    @Test(arguments: [
        ("InstanceId", "i-1234567890abcdef0", true), ("InstanceId", "mi-1234567890abcdef0", true),
        ("InstanceId", "InstanceId", false), ("InstanceId", "i-éééééééé", false), ("InstanceId", "i-١٢٣٤٥٦٧٨", false),
        ("AlarmName", "cpu-high", true), ("AlarmName", "   ", false),
        ("DocumentVersion", "$LATEST", true), ("DocumentVersion", "12", true), ("DocumentVersion", "v1", false),
        ("TargetKey", "tag:Name", true), ("TargetKey", "Ключ", true), ("TargetKey", "a#b", false),
        ("StringDateTime", "2024-01-01T00:00:00Z", true), ("StringDateTime", "yesterday", false),
        ("Version", "3.3.40.0", true), ("Version", "3.3", false),
        ("MaxErrors", "0", true), ("MaxErrors", "101%", false),
    ])
    func javaPatternsBehaveAsInJava(shape: String, value: String, valid: Bool) {
        let violations = validator.validate(.string(value), shape: shape)
        #expect(violations.filter { $0.rule == .pattern }.isEmpty == valid, "\(shape) \(value): \(violations)")
    }

    @Test func everyModelPatternCompiles() {
        for shape in SSMShapeModel.bundled.shapes.values {
            guard let pattern = shape.pattern else { continue }
            #expect(throws: Never.self, "\(shape.name)") { try ShapePattern(pattern) }
        }
    }

    @Test func translationMakesShorthandsASCII() {
        #expect(ShapePattern.translate(#"^\w{8}$"#) == "^[a-zA-Z0-9_]{8}$")
        #expect(ShapePattern.translate(#"[\d\-]"#) == #"[0-9\-]"#)
        #expect(ShapePattern.translate(#"\p{Alpha}\p{L}\\d"#) == #"[a-zA-Z]\p{L}\\d"#)
    }
}
