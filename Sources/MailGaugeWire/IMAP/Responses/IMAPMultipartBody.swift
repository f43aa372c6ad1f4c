/// `body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]` (RFC 9051 §9).
public struct IMAPMultipartBody: Sendable, Hashable {
    public var parts: [IMAPBodyStructure]
    public var mediaSubtype: String
    /// `body-ext-mpart`; its leading field is the parameter list, the rest is shared with parts.
    public var parameters: [IMAPBodyParameter]?
    public var extensionData: IMAPBodyExtensionData?

    public init(parts: [IMAPBodyStructure], mediaSubtype: String, parameters: [IMAPBodyParameter]? = nil,
                extensionData: IMAPBodyExtensionData? = nil) {
        self.parts = parts
        self.mediaSubtype = mediaSubtype
        self.parameters = parameters
        self.extensionData = extensionData
    }
}
