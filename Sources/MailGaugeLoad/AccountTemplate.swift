import Foundation
import MailGaugeRunner

/// Accounts made from a template over a range, `user%d@1-500`: `%d` in the user name and in
/// the password template is replaced by each number. The password template comes from the
/// environment, never the command line (`--password-env`), so no secret sits in `ps` output.
public enum AccountTemplate {
    public struct Error: Swift.Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether `--users` names a template rather than a users file.
    public static func isTemplate(_ text: String) -> Bool {
        text.contains("%d") && text.contains("@")
    }

    public static func expand(_ text: String, passwordTemplate: String) throws(Error) -> [Account] {
        guard let at = text.lastIndex(of: "@") else { throw Error(description: "'\(text)': expected USER%d@FIRST-LAST") }
        let user = text[..<at]
        let range = text[text.index(after: at)...].split(separator: "-", omittingEmptySubsequences: false)
        guard user.contains("%d"), range.count == 2, let first = Int(range[0]), let last = Int(range[1]),
              first >= 0, first <= last, last - first < 1_000_000 else {
            throw Error(description: "'\(text)': expected USER%d@FIRST-LAST, e.g. user%d@1-500")
        }
        return (first...last).map { number in
            Account(user: user.replacingOccurrences(of: "%d", with: String(number)),
                    password: passwordTemplate.replacingOccurrences(of: "%d", with: String(number)))
        }
    }
}
