/// How a control speaks of a field that an imported identity's source cannot tell (see
/// ``UnreportedFields``): the result is not assessed, and its evidence names the source.
enum SourceGap {
    /// The sentence for a result not assessed because the source does not report `field`.
    static let message = MessageTemplate(
        "The source ({source}) does not report {field}; fill it in with an overlay to assess it."
    )

    /// Whether `identity`'s source cannot tell `field` (and nothing has filled it in).
    static func applies(_ field: UnreportedFields, to identity: Identity) -> Bool {
        identity.unreported.contains(field)
    }

    /// The result's message: the source's kind and the field's name as people say it.
    static func result(_ field: String, of identity: Identity) -> ResultMessage {
        message(source(of: identity), field)
    }

    /// Evidence that the source does not report `key`.
    static func evidence(_ key: String, of identity: Identity, expected: String) -> Evidence {
        Evidence(field: key, observed: "not reported by \(source(of: identity))", expected: expected)
    }

    private static func source(of identity: Identity) -> String {
        identity.origin?.kind ?? identity.platform ?? "import"
    }
}
