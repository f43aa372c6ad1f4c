/// Integer arithmetic on variables, written where a value is expected: `${count - 1}` in a
/// `C:` or `S:` line, or the bound of a number pattern (`{k:number <= ${exists}}`).
///
///     expression = operand *(*SP ("+" / "-" / "*") *SP operand)   ; left to right, * first
///     operand    = variable-name / 1*DIGIT
public indirect enum Expression: Sendable, Equatable {
    case name(String)
    case number(Int)
    case binary(Expression, Operator, Expression)

    public enum Operator: Character, Sendable {
        case plus = "+", minus = "-", times = "*"
    }

    /// Why an expression has no value: a name without one, or one whose value is no number.
    public struct Failure: Error, Sendable, Equatable {
        public var name: String
        public var value: String?
    }

    /// The names the expression reads.
    public var names: [String] {
        switch self {
        case .name(let name): [name]
        case .number: []
        case .binary(let left, _, let right): left.names + right.names
        }
    }

    /// Parses the text between `${` and `}`; nil when it is not an expression.
    static func parse(_ text: Substring) -> Expression? {
        var operands: [Expression] = []
        var operators: [Operator] = []
        var rest = text.drop { $0 == " " }
        while true {
            let word = rest.prefix { $0 != " " && Operator(rawValue: $0) == nil }
            guard let operand = operand(word) else { return nil }
            operands.append(operand)
            rest = rest.dropFirst(word.count).drop { $0 == " " }
            guard let symbol = rest.first else { break }
            guard let op = Operator(rawValue: symbol) else { return nil }
            operators.append(op)
            rest = rest.dropFirst().drop { $0 == " " }
        }
        guard !operators.isEmpty else { return nil }
        // `*` binds first, then `+` and `-` from left to right.
        var terms = [operands[0]]
        var termOperators: [Operator] = []
        for (op, operand) in zip(operators, operands.dropFirst()) {
            if op == .times {
                terms[terms.count - 1] = .binary(terms[terms.count - 1], .times, operand)
            } else {
                terms.append(operand)
                termOperators.append(op)
            }
        }
        return zip(termOperators, terms.dropFirst()).reduce(terms[0]) { .binary($0, $1.0, $1.1) }
    }

    private static func operand(_ word: Substring) -> Expression? {
        if !word.isEmpty, word.allSatisfy(\.isASCIIDigit) { return Int(word).map(Expression.number) }
        return VariableName.isValid(word) ? .name(String(word)) : nil
    }

    /// The value as the decimal text a line holds.
    public func text(in bindings: Bindings) throws(UndefinedVariable) -> String {
        String(try number(in: bindings))
    }

    /// The value, a name without one (or without a number) reported as undefined.
    public func number(in bindings: Bindings) throws(UndefinedVariable) -> Int {
        do {
            return try value(in: bindings)
        } catch {
            throw UndefinedVariable(name: error.name, isNotANumber: error.value != nil)
        }
    }

    /// The value, with every name's value read from `bindings` as a decimal integer.
    public func value(in bindings: Bindings) throws(Failure) -> Int {
        switch self {
        case .number(let number): return number
        case .name(let name):
            guard let text = bindings[name] else { throw Failure(name: name, value: nil) }
            guard let number = Int(text) else { throw Failure(name: name, value: text) }
            return number
        case .binary(let left, let op, let right):
            let (a, b) = (try left.value(in: bindings), try right.value(in: bindings))
            let (result, overflow) = switch op {
            case .plus: a.addingReportingOverflow(b)
            case .minus: a.subtractingReportingOverflow(b)
            case .times: a.multipliedReportingOverflow(by: b)
            }
            guard !overflow else { throw Failure(name: "\(self)", value: "an overflow") }
            return result
        }
    }
}

extension Expression: CustomStringConvertible {
    public var description: String {
        switch self {
        case .name(let name): name
        case .number(let number): String(number)
        case .binary(let left, let op, let right): "\(left) \(op.rawValue) \(right)"
        }
    }
}
