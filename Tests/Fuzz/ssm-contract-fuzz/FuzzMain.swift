import Foundation

/// `ssm-contract-fuzz TARGET [libFuzzer flags] [corpus folders]`: runs one fuzz target under libFuzzer.
///
/// Built only by `make fuzz` (`SSM_CONTRACT_FUZZ=1`, `-sanitize=fuzzer,address`, `-DFUZZING`); the entry point
/// hands the remaining arguments to libFuzzer's `LLVMFuzzerRunDriver`, so every libFuzzer flag works. Each
/// target traps (a crash libFuzzer saves) when the code under test crashes or breaks one of its own promises.
@main
struct FuzzMain {
    static func main() {
        var arguments = CommandLine.arguments
        if arguments.count == 2, arguments[1] == "--check-operations" {
            // The operation list check-input's first byte indexes (Scripts/fuzz_seeds.py writes seeds with it).
            print(CheckInputFixture.operations.joined(separator: ","))
            exit(0)
        }
        guard arguments.count >= 2, let target = FuzzTarget.named(arguments[1]) else {
            let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
            FileHandle.standardError.write(
                Data("usage: ssm-contract-fuzz TARGET [libFuzzer flags] [corpus...]; TARGET is one of: \(names)\n".utf8)
            )
            exit(2)
        }
        arguments.remove(at: 1)
        FuzzTarget.selected = target
        #if FUZZING
        exit(runLibFuzzer(arguments))
        #else
        FileHandle.standardError.write(
            Data("ssm-contract-fuzz was built without the fuzzer: build it with `make fuzz`\n".utf8)
        )
        exit(2)
        #endif
    }
}

#if FUZZING
/// libFuzzer's entry point for programs with their own `main` (libclang_rt.fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

private func runLibFuzzer(_ arguments: [String]) -> CInt {
    var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    var argc = CInt(arguments.count)
    return pointers.withUnsafeMutableBufferPointer { buffer in
        var argv = buffer.baseAddress!
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let bytes = size == 0 ? [] : [UInt8](UnsafeBufferPointer(start: data, count: size))
            FuzzTarget.selected?.body(bytes)
            return 0
        }
    }
}
#endif
