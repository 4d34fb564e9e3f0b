import ContractEngine
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The one JUnit writer: what a JUnit consumer parses back is what the report said.
@Suite struct JUnitReportTests {
    static let awkward = "two\nlines & <tags> \"quoted\"\ttab\r\u{01}end"
    static let parsedBack = "two\nlines & <tags> \"quoted\"\ttab\r\u{FFFD}end"

    static func report() -> JUnitReport {
        JUnitReport(
            name: "all",
            suites: [
                JUnitReport.Suite(
                    name: "suite & co",
                    cases: [
                        JUnitReport.TestCase(classname: "c", name: "held", outcome: .passed()),
                        JUnitReport.TestCase(classname: "c", name: "noted", outcome: .passed(output: awkward)),
                        JUnitReport.TestCase(
                            classname: "c",
                            name: "broke",
                            outcome: .failed(type: "violation", message: awkward, details: awkward)
                        ),
                        JUnitReport.TestCase(classname: "c", name: "n/a", outcome: .skipped(message: "not applicable")),
                    ]
                )
            ]
        )
    }

    @Test func attributesAndTextSurviveAnXMLParser() throws {
        let document = try XMLDocument(xmlString: Self.report().xml)
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "4")
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        let suite = try #require(root.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "name")?.stringValue == "suite & co")
        #expect(suite.attribute(forName: "skipped")?.stringValue == "1")
        let cases = suite.elements(forName: "testcase")
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ["held", "noted", "broke", "n/a"])
        #expect(cases[1].elements(forName: "system-out").first?.stringValue == Self.parsedBack)
        let failure = try #require(cases[2].elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == Self.parsedBack)
        #expect(failure.attribute(forName: "type")?.stringValue == "violation")
        #expect(failure.stringValue == Self.parsedBack)
        #expect(
            cases[3].elements(forName: "skipped").first?.attribute(forName: "message")?.stringValue == "not applicable"
        )
    }

    @Test func countsAreOnEverySuiteAndSkippedOnlyWhenThereAreSome() {
        let xml = JUnitReport(suites: [
            JUnitReport.Suite(name: "s", cases: [JUnitReport.TestCase(classname: "c", name: "x", outcome: .passed())])
        ]).xml
        #expect(
            xml == """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites tests="1" failures="0">
                  <testsuite name="s" tests="1" failures="0">
                    <testcase classname="c" name="x"/>
                  </testsuite>
                </testsuites>

                """
        )
    }
}
