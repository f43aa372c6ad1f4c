/// The optional tail of `body-ext-1part` / `body-ext-mpart` (RFC 9051 §9): MD5 (single parts
/// only), disposition, language, location and future extensions, each present only if all
/// before it are.
public struct IMAPBodyExtensionData: Sendable, Hashable {
    public var md5: String?
    public var disposition: IMAPBodyDisposition?
    public var language: [String]?
    public var location: String?
    public var extensions: [IMAPBodyExtension]

    public init(md5: String? = nil, disposition: IMAPBodyDisposition? = nil, language: [String]? = nil,
                location: String? = nil, extensions: [IMAPBodyExtension] = []) {
        self.md5 = md5
        self.disposition = disposition
        self.language = language
        self.location = location
        self.extensions = extensions
    }
}
