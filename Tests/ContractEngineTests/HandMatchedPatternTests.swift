import ContractEngine
import Foundation
import Testing

/// ``CompiledPattern`` matches the model's InstanceId pattern byte by byte; its answers must be the regular
/// expression's answers on every text, including those the hand matcher leaves to the regex.
@Suite struct HandMatchedPatternTests {
    static let instanceIdPattern = #"(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)"#

    static let texts: [String] = [
        "i-1234abcd", "i-0123456789abcdef0", "mi-0123456789abcdef0", "i-a_b_c_d_", "i-ABCDEFGH",
        "i-1234abc", "i-1234abcde", "i-0123456789abcdef", "i-0123456789abcdef01", "mi-1234abcd", "mi-0123456789abcdef",
        "I-1234abcd", "i_1234abcd", "-i-1234abcd", "xi-1234abcd", "i-1234-bcd", "i-1234abc.", "i-1234abc ",
        " i-1234abcd",
        "i-1234abcd\n", "i-1234abcd\r\n", "i-1234abc\u{e9}", "i-1234abc\u{0661}", "mi-0123456789abcdef\u{e9}",
        "i-\u{1F600}abc",
        "i-12\u{0}4abcd", "", "i-", "mi-", "i-[234abcd", "i-@234abcd", "i-`234abcd", "i-{234abcd", "i-1234abcd\u{2028}",
    ]

    @Test(arguments: texts) func answersAsTheRegularExpression(_ text: String) throws {
        let regex = try NSRegularExpression(pattern: Self.instanceIdPattern)
        let expected = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
        let compiled = try CompiledPattern(Self.instanceIdPattern)
        #expect(compiled.matches(text) == expected, "\(text.debugDescription)")
        #expect(compiled.matches(text) == expected, "second answer for \(text.debugDescription)")
    }

    @Test func decidesTheCommonCasesAsExpected() throws {
        let compiled = try CompiledPattern(Self.instanceIdPattern)
        #expect(compiled.matches("i-0123456789abcdef0"))
        #expect(compiled.matches("mi-0123456789abcdef0"))
        #expect(!compiled.matches("i-0123456789abcdef"))
        #expect(!compiled.matches("instance-1"))
    }
}
