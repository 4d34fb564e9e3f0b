import ContractRunners
import RawJSON
import SSMOperations
import Testing

@Suite struct ModelDriftTests {
    let model = SSMShapeModel.bundled

    @Test func identicalModelsHaveNoDrift() {
        #expect(ModelDrift.compare(recorded: model, current: model).isEmpty)
    }

    @Test func documentationAndProvenanceAreNotDrift() {
        var current = model
        current.source.botocoreVersion = "9.9.9"
        current.shapes["GetCommandInvocationRequest"]!.members[0].documentation = "changed"
        #expect(ModelDrift.compare(recorded: model, current: current).isEmpty)
    }

    @Test func namesEachDifference() {
        var current = model
        current.shapes["CommandId"]!.max = 40
        current.shapes["CommandInvocationStatus"]!.enumValues.append("Paused")
        current.shapes["CommandPluginStatus"]!.enumValues.removeFirst()
        current.shapes["GetCommandInvocationResult"]!.members.append(.init(name: "Region", shape: "String"))
        current.shapes["GetCommandInvocationRequest"]!.members.removeLast()
        current.shapes["GetCommandInvocationRequest"]!.required.append("PluginName")
        current.shapes["InstanceId"]!.pattern = "^i-[0-9a-f]{17}$"
        current.shapes["Comment"]!.kind = .blob
        let drift = ModelDrift.compare(recorded: model, current: current).map(\.description)
        #expect(drift.contains("shape CommandId: changed max 36 → 40"))
        #expect(drift.contains("shape CommandInvocationStatus: added enum value \"Paused\""))
        #expect(drift.contains("shape CommandPluginStatus: removed enum value \"Pending\""))
        #expect(drift.contains("GetCommandInvocationResult.Region: added member (shape String)"))
        #expect(drift.contains("GetCommandInvocationRequest.PluginName: removed member (shape CommandPluginName)"))
        #expect(drift.contains("shape GetCommandInvocationRequest: added required member \"PluginName\""))
        #expect(
            drift.contains(
                #"shape InstanceId: changed pattern "(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)" → "^i-[0-9a-f]{17}$""#
            )
        )
        #expect(drift.contains("shape Comment: changed type string → blob"))
        #expect(drift.count == 8, "\(drift)")
    }

    @Test func reorderedMembersAndRemovedShapesAreDrift() {
        var current = model
        current.shapes["GetCommandInvocationRequest"]!.members.swapAt(0, 1)
        current.shapes["Url"] = nil
        current.operations.removeAll { $0.name == "CancelCommand" }
        let drift = ModelDrift.compare(recorded: model, current: current).map(\.description)
        #expect(
            drift.contains(
                "shape GetCommandInvocationRequest: changed member order CommandId,InstanceId,PluginName → InstanceId,CommandId,PluginName"
            )
        )
        #expect(drift.contains("shape Url: removed shape (no longer reachable)"))
        #expect(drift.contains("operation CancelCommand: removed operation"))
    }
}
