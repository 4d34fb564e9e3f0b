extension AWSDocsExamples {
    enum ExampleError: Error { case noOutput }
}
