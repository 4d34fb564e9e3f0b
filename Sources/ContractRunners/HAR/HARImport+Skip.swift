extension HARImport {
    /// Why an entry is not imported.
    struct Skip: Error { let text: String }
}
