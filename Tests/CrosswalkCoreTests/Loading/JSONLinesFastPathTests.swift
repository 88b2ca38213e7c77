import CrosswalkTestSupport
import Foundation
import Testing

@testable import CrosswalkCore

/// The fast JSON Lines decoder against the tree reader: for every input, the loaded inventory
/// and every diagnostic must be the same whether records are decoded fast (on one thread or
/// several) or read through the tree parser only.
@Suite struct JSONLinesFastPathTests {
    /// What a load produced, in a form that can be compared as a whole.
    enum Outcome: Equatable, CustomStringConvertible {
        case loaded(organization: String?, identities: [Identity], roles: [Role], warnings: [Diagnostic])
        case failed([Diagnostic])

        var description: String {
            switch self {
            case let .loaded(organization, identities, roles, warnings):
                return "loaded \(organization ?? "-"): \(identities.count) identities, \(roles.count) roles, "
                    + warnings.map(\.description).joined(separator: "\n")
            case let .failed(diagnostics):
                return "failed:\n" + diagnostics.map(\.description).joined(separator: "\n")
            }
        }
    }

    static func outcome(_ files: [InputFile], workers: Int?) -> Outcome {
        do {
            let (inventory, warnings) = try InventoryLoader(recordWorkers: workers).load(files)
            return .loaded(
                organization: inventory.organization,
                identities: inventory.identities,
                roles: inventory.roles,
                warnings: warnings
            )
        } catch let error as InputError {
            return .failed(error.diagnostics)
        } catch {
            return .failed([Diagnostic(.error, file: "?", message: "\(error)")])
        }
    }

    /// Loads `files` with the tree reader and with the fast decoder on 1, 2 and 3 threads and
    /// expects the same outcome each time; returns the reference outcome.
    @discardableResult
    static func expectSameOutcome(
        _ files: [InputFile],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Outcome {
        let reference = outcome(files, workers: nil)
        for workers in [1, 2, 3] {
            let fast = outcome(files, workers: workers)
            #expect(fast == reference, "with \(workers) thread(s)", sourceLocation: sourceLocation)
            if fast != reference {
                Issue.record("tree reader: \(reference)\nfast path: \(fast)", sourceLocation: sourceLocation)
            }
        }
        return reference
    }

    static let header =
        #"{"version": 1, "organization": "Acme", "roles": [{"id": "reader", "permissions": ["s3:Get*"]}, {"id": "admin", "permissions": ["*"], "administrative": true}]}"#

    static func file(_ lines: [String], path: String = "inventory.jsonl") -> InputFile {
        InputFile(path: path, text: lines.joined(separator: "\n") + "\n")
    }

    // MARK: Fixtures

    @Test(arguments: [
        "Tests/Fixtures/decoder/acme.jsonl", "Tests/Fixtures/decoder/well-run.jsonl",
        "Tests/Fixtures/decoder/real-inputs.jsonl", "Tests/Fixtures/decoder/benchmark-sample.jsonl",
    ])
    func fixtureLoadsTheSameBothWays(_ path: String) throws {
        Self.expectSameOutcome([try Fixtures.file(path)])
    }

    @Test func ordinaryRecordsTakeTheFastPath() throws {
        let file = try Fixtures.file("Tests/Fixtures/decoder/benchmark-sample.jsonl")
        let lines = file.bytes.split(separator: 0x0A).dropFirst()
        #expect(lines.count == 240)
        for line in lines {
            let decoded = Array(line).withUnsafeBufferPointer { IdentityRecordDecoder.decode($0) }
            #expect(decoded != nil)
        }
        let acme = try Fixtures.file("Tests/Fixtures/decoder/acme.jsonl").bytes.split(separator: 0x0A).dropFirst()
        let fast = acme.filter { line in Array(line).withUnsafeBufferPointer { IdentityRecordDecoder.decode($0) } != nil
        }
        #expect(fast.count * 2 > acme.count, "most of the example's records are ordinary")
    }

    /// A role binding naming a declared role is given the header's own string, so every binding of
    /// that role shares one storage; a binding naming an undeclared role is read as before, and a
    /// declared id the secret screen would stop still sends the record to the tree reader.
    @Test func roleBindingsShareTheDeclaredRoleIDs() throws {
        let declared = "payments-operator-role"
        let secretLooking = "AKIAIOSFODNN7EXAMPLE"
        let table = RoleIDTable(["reader", declared, secretLooking])
        let line = #"""
            {"id":"a1","kind":"agent","role_bindings":["payments-operator-role",\#
            {"role":"payments-operator-role","scope":"ledger"},"undeclared-role-for-test","reader"]}
            """#
        func decode(_ text: String, _ roleIDs: RoleIDTable?) -> DecodedIdentityRecord? {
            Array(text.utf8).withUnsafeBufferPointer { IdentityRecordDecoder.decode($0, roleIDs: roleIDs) }
        }
        let shared = try #require(decode(line, table))
        let plain = try #require(decode(line, nil))
        #expect(shared.identity == plain.identity)
        #expect(shared.identity.roleBindings.map(\.role) == [declared, declared, "undeclared-role-for-test", "reader"])
        var canonical = try #require(Array(declared.utf8).withUnsafeBufferPointer { table.id(matching: $0) })
        let canonicalBytes = canonical.withUTF8 { $0.baseAddress }
        for index in [0, 1] {
            var role = shared.identity.roleBindings[index].role
            #expect(role.withUTF8 { $0.baseAddress } == canonicalBytes, "binding \(index) shares the declared id")
        }
        var undeclared = shared.identity.roleBindings[2].role
        #expect(undeclared.withUTF8 { $0.baseAddress } != canonicalBytes)
        let secret = #"{"id":"a2","kind":"agent","role_bindings":["AKIAIOSFODNN7EXAMPLE"]}"#
        #expect(decode(secret, table) == nil && decode(secret, nil) == nil, "left to the tree reader either way")
        #expect(Array("payments-operator-rol".utf8).withUnsafeBufferPointer { table.id(matching: $0) } == nil)
    }

    @Test func decodedRecordMatchesTheTreeReader() throws {
        let line = Self.fullRecord.text
        let decoded = try #require(Array(line.utf8).withUnsafeBufferPointer { IdentityRecordDecoder.decode($0) })
        let reference = Self.outcome([Self.file([Self.header, Self.parentRecord, line])], workers: nil)
        guard case let .loaded(_, identities, _, warnings) = reference else {
            Issue.record("the full record must load: \(reference)")
            return
        }
        #expect(warnings.isEmpty)
        #expect(identities.last == decoded.identity)
        #expect(
            decoded.references == [
                .init(kind: .spawnedBy, target: "parent"), .init(kind: .role, target: "reader"),
                .init(kind: .role, target: "admin"), .init(kind: .sharedWith, target: "parent"),
            ]
        )
    }

    /// Many copies of the benchmark sample with fresh ids, so loading spans several batches.
    @Test func manyBatchesLoadTheSameOnAnyThreadCount() throws {
        let sample = try Fixtures.text("Tests/Fixtures/decoder/benchmark-sample.jsonl")
        var lines = sample.split(separator: "\n").map(String.init)
        let records = lines.dropFirst()
        for copy in 1...40 {
            for record in records {
                lines.append(record.replacingOccurrences(of: "\"nhi-", with: "\"nhi\(copy)-"))
            }
        }
        // A few broken references and duplicates far apart, so errors come from several batches.
        lines.insert(#"{"id":"late-dup","kind":"bot","role_bindings":["missing-role"]}"#, at: 3000)
        lines.insert(#"{"id":"late-dup","kind":"bot","spawned_by":"nobody"}"#, at: 9000)
        #expect(lines.count > 2 * JSONLinesBatchDecoder.batchSize)
        Self.expectSameOutcome([Self.file(lines)])
    }

    // MARK: Hostile records

    /// A JSON value built from parts, so each part can be swapped for a hostile one.
    indirect enum Value {
        case raw(String)
        case object([(String, Value)])
        case list([Value])

        var text: String {
            switch self {
            case let .raw(text): return text
            case let .object(members):
                return "{" + members.map { "\"\($0.0)\":\($0.1.text)" }.joined(separator: ",") + "}"
            case let .list(elements): return "[" + elements.map(\.text).joined(separator: ",") + "]"
            }
        }

        /// Every path to a part, with the part.
        var paths: [[PathStep]] {
            switch self {
            case .raw: return []
            case let .object(members):
                return members.enumerated().flatMap { position, member in
                    [[PathStep.member(position)]] + member.1.paths.map { [.member(position)] + $0 }
                }
            case let .list(elements):
                return elements.enumerated().flatMap { position, element in
                    [[PathStep.element(position)]] + element.paths.map { [.element(position)] + $0 }
                }
            }
        }

        /// Every path to an object (the empty path is the value itself).
        var objectPaths: [[PathStep]] {
            ([[]] + paths).filter { path in
                if case .object = self.at(path) { return true }
                return false
            }
        }

        func at(_ path: [PathStep]) -> Value {
            guard let step = path.first else { return self }
            switch (self, step) {
            case let (.object(members), .member(position)): return members[position].1.at(Array(path.dropFirst()))
            case let (.list(elements), .element(position)): return elements[position].at(Array(path.dropFirst()))
            default: return self
            }
        }

        func replacing(_ path: [PathStep], with transform: (Value) -> Value) -> Value {
            guard let step = path.first else { return transform(self) }
            let rest = Array(path.dropFirst())
            switch (self, step) {
            case (.object(var members), .member(let position)):
                members[position].1 = members[position].1.replacing(rest, with: transform)
                return .object(members)
            case (.list(var elements), .element(let position)):
                elements[position] = elements[position].replacing(rest, with: transform)
                return .list(elements)
            default:
                return self
            }
        }
    }

    enum PathStep {
        case member(Int)
        case element(Int)
    }

    static let parentRecord = #"{"id":"parent","kind":"agent"}"#

    static let fullRecord = Value.object([
        ("id", .raw(#""agent-1""#)), ("name", .raw(#""Support agent""#)), ("kind", .raw(#""agent""#)),
        ("platform", .raw(#""aws""#)), ("environment", .raw(#""production""#)), ("owner", .raw(#""team-a""#)),
        ("trust_zone", .raw(#""internal""#)), ("status", .raw(#""active""#)),
        ("created", .raw(#""2025-01-31T12:00:00Z""#)), ("last_used", .raw(#""2026-10-01T08:00:00.123+02:00""#)),
        ("spawned_by", .raw(#""parent""#)), ("authentication", .raw(#""workload-identity""#)),
        ("interactive_use", .raw("false")), ("shared_account", .raw("true")), ("third_party", .raw("false")),
        ("last_reviewed", .raw(#""2026-06-01""#)), ("tools", .list([.raw(#""jira.search""#), .raw(#""mail""#)])),
        (
            "role_bindings",
            .list([
                .raw(#""reader""#),
                .object([
                    ("role", .raw(#""admin""#)), ("scope", .raw(#""acct-1""#)), ("environment", .raw(#""staging""#)),
                ]),
            ])
        ),
        ("tags", .object([("team", .raw(#""payments""#)), ("app", .raw(#""Zürich-Ω""#)), ("pci", .raw("true"))])),
        (
            "credentials",
            .list([
                .object([
                    ("id", .raw(#""key-1""#)), ("type", .raw(#""api-key""#)), ("status", .raw(#""active""#)),
                    ("created", .raw(#""2026-01-01T00:00:00Z""#)), ("last_rotated", .raw(#""2026-02-01T00:00:00Z""#)),
                    ("expires", .raw(#""2027-01-01T00:00:00+0000""#)), ("last_used", .raw(#""2026-10-01T00:00:00Z""#)),
                    ("revoked", .raw(#""2026-10-02T00:00:00Z""#)), ("ttl_seconds", .raw("3600")),
                    ("storage", .raw(#""vault""#)), ("shared_with", .list([.raw(#""parent""#)])),
                    ("used_in", .list([.raw(#""staging""#)])),
                    (
                        "exposures",
                        .list([
                            .object([
                                ("detected", .raw(#""2026-09-01T00:00:00Z""#)), ("source", .raw(#""github""#)),
                                ("location", .raw(#""https://github.com/acme/app/blob/main/config.yml""#)),
                            ])
                        ])
                    ),
                    ("task", .object([("id", .raw(#""task-7""#)), ("ended", .raw(#""2026-10-03T00:00:00Z""#))])),
                ]),
                .object([("id", .raw(#""key-2""#)), ("type", .raw(#""token""#))]),
            ])
        ),
    ])

    /// Values of every type and of every awkward kind, to put in place of each part.
    static let hostileValues: [String] = [
        "null", "true", "false", "0", "-1", "7", "1.5", "3600.0", "1e3", "1e400", "12345678901234567890",
        "-0", "007", #""""#, #""x""#, #""unknown-term""#, "[]", "{}", #"["a"]"#, #"{"a":1}"#, #"[null]"#,
        #""\u00e9t\u00e9""#, #""\ud83d\ude00""#, #""\ud800""#, #""a\"b""#, #""a\\nb""#, #""tab\tin""#,
        #""AKIAIOSFODNN7EXAMPLE""#, #""deploy key ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789""#,
        #""wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY""#, #""-----BEGIN PRIVATE KEY-----abc""#,
        #""2026-02-30T00:00:00Z""#, #""2026-01-01T00:00:00""#, #""agent""#, #""vault""#, #""api-key""#,
        #""revoked""#, #""federated""#, #""parent""#, #""agent-1""#, #""missing""#,
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ]

    @Test func everyPartSwappedForAHostileValue() {
        let record = Self.fullRecord
        var lines = [Self.header, Self.parentRecord]
        for path in record.paths {
            for value in Self.hostileValues {
                lines.append(record.replacing(path) { _ in .raw(value) }.text)
            }
        }
        // One file per mutation (the error limit would otherwise hide most of them) …
        for line in lines.dropFirst(2) {
            Self.expectSameOutcome([Self.file([Self.header, Self.parentRecord, line])])
        }
        // … and all of them in one file, in batches, where order and the error limit matter.
        Self.expectSameOutcome([Self.file(lines)])
    }

    @Test func everyObjectWithAnUnknownSecretOrDescriptionKey() {
        let record = Self.fullRecord
        for path in record.objectPaths {
            for key in ["colour", "description", "token", "value", "private_key", "id", "AKIAIOSFODNN7EXAMPLE"] {
                let mutated = record.replacing(path) { value in
                    guard case let .object(members) = value else { return value }
                    return .object(members + [(key, .raw(#""something""#))])
                }
                Self.expectSameOutcome([Self.file([Self.header, Self.parentRecord, mutated.text])])
            }
        }
    }

    @Test func awkwardLines() {
        let record = Self.fullRecord.text
        guard case let .object(members) = Self.fullRecord else { return }
        let reversed = Value.object(members.reversed()).text
        #expect(Array(reversed.utf8).withUnsafeBufferPointer { IdentityRecordDecoder.decode($0) } != nil)
        let lines: [String] = [
            reversed,
            "\u{FEFF}" + record, " " + record, record + " \t", record + "\r", record + " x", String(record.dropLast()),
            record.replacingOccurrences(of: ",", with: " , "), record.replacingOccurrences(of: ":", with: " : "),
            record.replacingOccurrences(of: #""kind":"agent""#, with: #""kind":"agent","kind":"bot""#),
            record.replacingOccurrences(of: #""key-2""#, with: #""key-1""#),
            record.replacingOccurrences(of: #""spawned_by":"parent""#, with: #""spawned_by":"agent-1""#),
            record.replacingOccurrences(of: #""spawned_by":"parent""#, with: #""spawned_by":"ghost""#),
            record.replacingOccurrences(
                of: #""shared_with":["parent"]"#,
                with: #""shared_with":["ghost","parent","x"]"#
            ),
            record.replacingOccurrences(of: #""role":"admin""#, with: #""role":"no-such-role""#),
            record.replacingOccurrences(of: #""team":"payments""#, with: #""team":"payments","team":"x""#),
            record.replacingOccurrences(of: #""team":"payments""#, with: #""secret":"payments""#),
            record.replacingOccurrences(of: #""team":"payments""#, with: #""team":1"#),
            // Canonically equivalent keys (composed and decomposed é) are duplicates to the tree parser.
            record.replacingOccurrences(of: #""team":"payments""#, with: "\"\u{E9}\":\"a\",\"e\u{301}\":\"b\""),
            record.replacingOccurrences(of: #""Support agent""#, with: "\"Caf\u{E9} \u{202E}agent with a long name\""),
            record.replacingOccurrences(of: #""team":"payments""#, with: #""team":null"#),
            record.replacingOccurrences(of: #""team":"payments""#, with: #""t\u0065am":"payments""#),
            record.replacingOccurrences(of: #""id":"agent-1""#, with: #""id":"parent""#),
            "", "   ", "\t\r", "{}", "[]", "null", "{\"id\":\"a\"}", "{\"kind\":\"agent\"}",
        ]
        for line in lines {
            Self.expectSameOutcome([Self.file([Self.header, Self.parentRecord, line])])
        }
        Self.expectSameOutcome([Self.file([Self.header, Self.parentRecord] + lines)])
        // CRLF line endings throughout, and several files whose references cross.
        let crlf = InputFile(
            path: "crlf.jsonl",
            text: [Self.header, Self.parentRecord, record].joined(separator: "\r\n")
        )
        Self.expectSameOutcome([crlf])
        let second = Self.file(
            [#"{"version":1}"#, #"{"id":"other","kind":"bot","spawned_by":"agent-1"}"#],
            path: "b.jsonl"
        )
        Self.expectSameOutcome([Self.file([Self.header, Self.parentRecord, record], path: "a.jsonl"), second])
        Self.expectSameOutcome([second, Self.file([Self.header, Self.parentRecord, record], path: "a.jsonl")])
    }

    /// The fast decoder passes over the plain bytes of a string eight at a time: a byte that
    /// ends the string, needs an escape or is not ASCII must be seen at any offset, in the first
    /// word, in a later one or in the bytes after the last whole word.
    @Test func specialBytesAtEveryOffsetOfALongString() {
        let record = Array(Self.fullRecord.text.utf8)
        let name = Array(#""Support agent""#.utf8)
        let nameRange = record.firstRange(of: name)!
        let longName = Array("Support agent for the payments platform, EU".utf8)
        // Bytes a name may hold as they are: the fast decoder must read such a name itself.
        let plain: [[UInt8]] = [[0x7F], [0xC3, 0xA9], [0xE2, 0x80, 0xAE]]
        for bytes: [UInt8] in [[0x22], [0x5C, 0x22], [0x5C, 0x6E], [0x5C], [0x01], [0x1F], [0x09], [0xFF]] + plain {
            for offset in 0...longName.count {
                var value = longName
                value.insert(contentsOf: bytes, at: offset)
                var line = record
                line.replaceSubrange(nameRange, with: [0x22] + value + [0x22])
                let lines =
                    Array(Self.header.utf8) + [0x0A] + Array(Self.parentRecord.utf8) + [0x0A] + line + [0x0A]
                Self.expectSameOutcome([InputFile(path: "inventory.jsonl", bytes: lines)])
                if plain.contains(bytes) {
                    let decoded = line.withUnsafeBufferPointer { IdentityRecordDecoder.decode($0) }
                    #expect(decoded?.identity.name == String(decoding: value, as: UTF8.self), "at \(offset)")
                }
            }
        }
    }

    @Test func invalidUTF8AndControlBytes() {
        let record = Array(Self.fullRecord.text.utf8)
        let name = Array(#""Support agent""#.utf8)
        let start = record.firstRange(of: name)!.lowerBound + 1
        for bytes: [UInt8] in [
            [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x01], [0x7F], [0xC3, 0xA9],
            [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF], [0xF5, 0x80, 0x80, 0x80],
            [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x98, 0x80], [0xE2, 0x80, 0xAE], [0x80],
        ] {
            var line = record
            line.replaceSubrange(start..<(start + 1), with: bytes)
            let lines = Array(Self.header.utf8) + [0x0A] + Array(Self.parentRecord.utf8) + [0x0A] + line + [0x0A]
            Self.expectSameOutcome([InputFile(path: "inventory.jsonl", bytes: lines)])
        }
    }
}
