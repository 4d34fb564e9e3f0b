struct FolderEventsError: Error, CustomStringConvertible {
    let description: String
}
