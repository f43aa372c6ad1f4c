/// `body-type-1part`: a basic, text or message/rfc822 part with its `body-fields`.
public struct IMAPBodyPart: Sendable, Hashable {
    public var mediaType: String
    public var mediaSubtype: String
    public var parameters: [IMAPBodyParameter]
    public var id: String?
    public var description: String?
    public var encoding: String
    public var octets: UInt32
    /// `body-fld-lines`, present for text and message/rfc822 parts.
    public var lines: UInt32?
    /// The encapsulated message of a message/rfc822 (or message/global) part.
    public var message: IMAPEncapsulatedMessage?
    /// `body-fld-md5` and what follows; nil when the server sent no extension data.
    public var extensionData: IMAPBodyExtensionData?

    public init(mediaType: String, mediaSubtype: String, parameters: [IMAPBodyParameter], id: String?,
                description: String?, encoding: String, octets: UInt32, lines: UInt32? = nil,
                message: IMAPEncapsulatedMessage? = nil, extensionData: IMAPBodyExtensionData? = nil) {
        self.mediaType = mediaType
        self.mediaSubtype = mediaSubtype
        self.parameters = parameters
        self.id = id
        self.description = description
        self.encoding = encoding
        self.octets = octets
        self.lines = lines
        self.message = message
        self.extensionData = extensionData
    }
}
