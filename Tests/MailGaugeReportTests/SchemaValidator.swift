import Foundation
import MailGaugeTestSupport

/// Validates a JSON file against Schemas/mailgauge-report-1.schema.json with Python's jsonschema.
enum SchemaValidator {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schemas/mailgauge-report-1.schema.json").path

    static var isAvailable: Bool {
        get async { (try? await run(["-c", "import jsonschema"]).status) == 0 }
    }

    /// "valid", or the validator's first error.
    static func validate(_ path: String) async throws -> String {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            try:
                jsonschema.validate(json.load(open(sys.argv[2])), schema, format_checker=jsonschema.FormatChecker())
                print("valid")
            except jsonschema.ValidationError as error:
                print(error.message)
            """
        return try await run(["-c", script, schema, path]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let result = try await ProcessOutput.run("/usr/bin/env", ["python3"] + arguments)
        return (result.exitCode, result.stdout)
    }
}
