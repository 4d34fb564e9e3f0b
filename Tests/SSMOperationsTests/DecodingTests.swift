import AWSWire
import Foundation
import RawJSON
import Testing

@testable import SSMOperations

@Suite struct DecodingTests {
    func decode<T: Decodable>(_ type: T.Type, _ body: String) throws -> T {
        try SSMClient.decode(T.self, from: try JSONParser.parse(body), operation: "Test")
    }

    @Test func listCommandInvocationsAsAWSSendsIt() throws {
        // Raw wire form (aws/aws-cli#3707): alphabetical keys, exponent timestamps, empty plugin list.
        let body =
            #"{"CommandInvocations":[{"CloudWatchOutputConfig":{"CloudWatchLogGroupName":"","CloudWatchOutputEnabled":false},"CommandId":"3d45bc41-2c76-4d5b-8e2b-a8d7d0a0c9a5","CommandPlugins":[],"Comment":"","DocumentName":"AWS-RunPatchBaseline","DocumentVersion":"","InstanceId":"i-0123456789abcdef0","InstanceName":"","NotificationConfig":{"NotificationArn":"","NotificationEvents":[],"NotificationType":""},"RequestedDateTime":1.54208164084E9,"ServiceRole":"","StandardErrorUrl":"","StandardOutputUrl":"","Status":"Success","StatusDetails":"Success","TraceOutput":""}]}"#
        let output = try decode(ListCommandInvocationsOutput.self, body)
        let invocation = try #require(output.commandInvocations?.first)
        #expect(invocation.status == .success)
        #expect(invocation.requestedDateTime?.date == Date(timeIntervalSince1970: 1_542_081_640.84))
        #expect(invocation.cloudWatchOutputConfig?.cloudWatchLogGroupName == "")
        #expect(invocation.notificationConfig?.notificationType == "")
        #expect(invocation.commandPlugins == [])
        #expect(output.nextToken == nil)
    }

    @Test func getCommandInvocationWithStringTimesAndDuration() throws {
        let body =
            #"{"CommandId":"c","InstanceId":"i-1","Comment":"","DocumentName":"AWS-RunShellScript","DocumentVersion":"$DEFAULT","PluginName":"aws:runShellScript","ResponseCode":137,"ExecutionStartDateTime":"2020-02-19T18:18:03.419Z","ExecutionElapsedTime":"PT1H0.271S","ExecutionEndDateTime":"2020-02-19T19:18:03.419Z","Status":"TimedOut","StatusDetails":"ExecutionTimedOut","StandardOutputContent":"","StandardOutputUrl":"","StandardErrorContent":"","StandardErrorUrl":""}"#
        let output = try decode(GetCommandInvocationOutput.self, body)
        #expect(output.status == .timedOut)
        #expect(output.responseCode == 137)
        let start = try #require(output.executionStartDateTime?.date)
        #expect(abs(start.timeIntervalSince1970 - 1_582_136_283.419) < 0.000_5)
        #expect(output.executionElapsedTime == "PT1H0.271S")
        #expect(output.cloudWatchOutputConfig == nil)
    }

    @Test func oldResponsesWithMissingMembersAndOutOfEnumValues() throws {
        // 2017 association-run sample: upper-case status, empty plugin name, no StatusDetails.
        let body = #"{"CommandId":"c","InstanceId":"i-1","PluginName":"","ResponseCode":-1,"Status":"SUCCESS"}"#
        let output = try decode(GetCommandInvocationOutput.self, body)
        #expect(output.status == "SUCCESS")
        #expect(output.status?.isModelled == false)
        #expect(output.status != .success)
        #expect(output.statusDetails == nil)
        #expect(output.pluginName == "")
    }

    @Test func inProgressWithEmptyEndTime() throws {
        let output = try decode(
            GetCommandInvocationOutput.self,
            #"{"Status":"InProgress","StatusDetails":"InProgress","ResponseCode":-1,"ExecutionEndDateTime":""}"#
        )
        #expect(output.executionEndDateTime?.date == nil)
        #expect(output.executionEndDateTime?.description == "")
    }

    @Test(arguments: [
        ("2020-02-19T18:18:03.419Z", 1_582_136_283.419),
        ("2021-02-05T13:37:00.000000+01:00", 1_612_528_620.0),
        ("2021-02-05T13:37:00-0230", 1_612_541_220.0),
        ("2026-01-02T07:24:45.996989", 1_767_338_685.996989),
        ("2024-07-07T00:00:00Z", 1_720_310_400.0),
        ("1542081640.84", 1_542_081_640.84),
    ])
    func timestampStrings(text: String, epoch: Double) throws {
        let date = try #require(SSMTimestamp(string: text).date)
        #expect(abs(date.timeIntervalSince1970 - epoch) < 0.000_5)
    }

    @Test(arguments: ["", "yesterday", "2020-13-01T00:00:00Z", "2020-02-19"])
    func unreadableTimestampStringsHaveNoDate(text: String) {
        #expect(SSMTimestamp(string: text).date == nil)
    }

    @Test func epochTimestampsInEveryNumberForm() throws {
        let output = try decode(
            ListCommandsOutput.self,
            #"{"Commands":[{"RequestedDateTime":1.54208164084E9,"ExpiresAfter":1542085240,"CompletedCount":0}]}"#
        )
        let command = try #require(output.commands?.first)
        #expect(command.requestedDateTime?.form == .epochSeconds(1_542_081_640.84))
        #expect(command.expiresAfter?.date == Date(timeIntervalSince1970: 1_542_085_240))
    }

    @Test func wrongTypeNamesTheMember() {
        #expect {
            _ = try decode(
                ListCommandInvocationsOutput.self,
                #"{"CommandInvocations":[{"CommandPlugins":[{"ResponseCode":"zero"}]}]}"#
            )
        } throws: { error in
            guard let error = error as? AWSMalformedResponseError else { return false }
            return error.reason.contains("CommandInvocations[0].CommandPlugins[0].ResponseCode")
        }
    }

    @Test func nullMembersAreAbsent() throws {
        let output = try decode(SendCommandOutput.self, #"{"Command":{"CommandId":"c","Comment":null,"Targets":null}}"#)
        #expect(output.command?.comment == nil)
        #expect(output.command?.targets == nil)
    }

    @Test func inputsEncodeWireNamesAndOmitAbsentMembers() throws {
        let input = ListCommandInvocationsInput(
            commandId: "c",
            filters: [CommandFilter(key: "Status", value: "Success")],
            details: true
        )
        #expect(
            JSONWriter.string(try SSMClient.encode(input))
                == #"{"CommandId":"c","Details":true,"Filters":[{"key":"Status","value":"Success"}]}"#
        )
        let send = SendCommandInput(
            documentName: "AWS-RunShellScript",
            instanceIds: ["i-1"],
            parameters: ["commands": ["echo hi"]]
        )
        #expect(
            JSONWriter.string(try SSMClient.encode(send))
                == #"{"DocumentName":"AWS-RunShellScript","InstanceIds":["i-1"],"Parameters":{"commands":["echo hi"]}}"#
        )
    }
}
