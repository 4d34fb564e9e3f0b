extension SSMShapeModel {
    /// The path of the model file in the package, relative to its root.
    public static let modelFile = "Contracts/model/ssm-model.json"

    /// The text of `Contracts/model/ssm-model.json`, compiled in at build time (the EmbedFiles plugin), so the
    /// CLI needs no files at run time. `make model` regenerates the file; the next build embeds it.
    public static let embeddedJSON: String = {
        guard let file = EmbeddedFiles.files.first(where: { $0.path == modelFile }) else {
            fatalError("\(modelFile) is not compiled in: Sources/SSMOperations/EmbeddedFiles.list must name it")
        }
        return file.text
    }()
}
