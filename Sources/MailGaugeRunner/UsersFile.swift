/// Accounts from a CSV file of `user,password` lines (`#` comments and a `user,password`
/// header allowed), the format `--users-file` and load runs read.
public enum UsersFile {
    public struct Error: Swift.Error, CustomStringConvertible {
        public var description: String
    }

    public static func parse(_ text: String, file: String) throws(Error) -> [Account] {
        var accounts: [Account] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            if index == 0, line.lowercased() == "user,password" { continue }
            guard let comma = line.firstIndex(of: ","), comma != line.startIndex, line.index(after: comma) != line.endIndex else {
                // The line may hold a password: say where, never what.
                throw Error(description: "\(file):\(index + 1): expected 'user,password'")
            }
            accounts.append(Account(user: String(line[..<comma]), password: String(line[line.index(after: comma)...])))
        }
        guard !accounts.isEmpty else { throw Error(description: "\(file): no accounts in the file") }
        return accounts
    }
}
