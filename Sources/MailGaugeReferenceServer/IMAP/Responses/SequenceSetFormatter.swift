/// Writes numbers as a compact `sequence-set` (`1:3,7`), as ESEARCH ALL, COPYUID and
/// APPENDUID use it (RFC 4731 §3.1, RFC 4315 §3). Order is kept, so two sets written from
/// paired lists still correspond element by element.
enum SequenceSetFormatter {
    static func format(_ numbers: [UInt32]) -> String {
        var pieces: [String] = []
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count && numbers[end + 1] == numbers[end] + 1 { end += 1 }
            pieces.append(end == index ? "\(numbers[index])" : "\(numbers[index]):\(numbers[end])")
            index = end + 1
        }
        return pieces.joined(separator: ",")
    }
}
