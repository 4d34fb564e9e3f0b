import Foundation
import RawJSON
import TestSupport
import Testing

@testable import SSMOperations

@Suite struct SSMShapeModelTests {
    let model = SSMShapeModel.bundled

    @Test func embeddedCopyIsTheCommittedFile() throws {
        let file = try String(contentsOf: PackageRoot.path("Contracts/model/ssm-model.json"), encoding: .utf8)
        #expect(
            SSMShapeModel.embeddedJSON == file,
            "run `make model`: the compiled-in model differs from Contracts/model/ssm-model.json"
        )
        #expect(try SSMShapeModel.load(from: PackageRoot.path("Contracts/model/ssm-model.json")) == model)
    }

    @Test func recordsItsSourceAndTheModelledOperations() {
        #expect(model.source.botocoreVersion == "1.43.11")
        #expect(model.source.apiVersion == "2014-11-06")
        #expect(
            model.cliNames == [
                "cancel-command", "describe-instance-information", "get-command-invocation",
                "list-command-invocations", "list-commands", "send-command",
            ]
        )
        #expect(model.operation(named: "get-command-invocation")?.name == "GetCommandInvocation")
        #expect(model.operation(named: "ListCommandInvocations")?.output == "ListCommandInvocationsResult")
    }

    @Test func keepsMemberOrderTypesAndConstraints() throws {
        let request = try model.shape("GetCommandInvocationRequest")
        #expect(request.members.map(\.name) == ["CommandId", "InstanceId", "PluginName"])
        #expect(request.required == ["CommandId", "InstanceId"])
        let commandId = try model.shape("CommandId")
        #expect(commandId.kind == .string && commandId.min == 36 && commandId.max == 36)
        #expect(try model.shape("StandardOutputContent").max == 24000)
        #expect(
            try model.shape("CommandInvocationStatus").enumValues == [
                "Pending", "InProgress", "Delayed", "Success", "Cancelled", "TimedOut", "Failed", "Cancelling",
            ]
        )
        #expect(try model.shape("CommandPluginList").listMember == "CommandPlugin")
        #expect(try model.shape("Parameters").mapValue == "ParameterValueList")
        #expect(try model.shape("InstanceId").pattern == #"(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)"#)
        #expect(
            request.member("CommandId")?.documentation == "(Required) The parent command ID of the invocation plugin."
        )
    }

    @Test func everyReferencedShapeIsInTheModel() {
        for shape in model.shapes.values {
            let references =
                shape.members.map(\.shape) + [shape.listMember, shape.mapKey, shape.mapValue].compactMap { $0 }
            for reference in references {
                #expect(model.shapes[reference] != nil, "\(shape.name) refers to missing \(reference)")
            }
        }
        for operation in model.operations {
            for shape in [operation.input, operation.output].compactMap({ $0 }) { #expect(model.shapes[shape] != nil) }
        }
    }

    @Test func unknownShapeIsAnErrorNamingIt() {
        #expect(throws: SSMModelError("the model has no shape named Nope")) { try model.shape("Nope") }
    }

    @Test func malformedModelFileNamesTheField() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-model-\(UUID().uuidString).json")
        try Data(#"{"source": {"botocore": 1}}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try SSMShapeModel.load(from: url)
            Issue.record("a malformed model loaded")
        } catch {
            #expect(error.message == "\(url.path): source.botocore: expected a string, found number")
        }
    }

    @Test func theCommittedModelIsWhatTheScriptGenerates() async throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        let process = Process()
        process.executableURL = PythonTools.program("python")
        process.arguments = [
            PackageRoot.path("Scripts/extract_ssm_model.py").path, "--check", "--root", PackageRoot.url.path,
        ]
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, Comment(rawValue: message))
    }
}
