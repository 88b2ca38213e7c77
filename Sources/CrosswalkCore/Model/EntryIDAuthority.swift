/// Who assigned a catalog's entry ids, so reports never pass off a Crosswalk-local id as the
/// framework's own. Set per catalog with `"entry_ids"` (`official` when absent).
public enum EntryIDAuthority: String, CaseIterable, Sendable {
    /// The framework's publisher: the ids are the ones the framework itself uses (`PR.AA-01`).
    case official
    /// Crosswalk: the framework defines no ids for its entries, so the catalog assigned them (CSA
    /// MAESTRO's threats, numbered by position). Reports mark each such id, e.g. "L7-03 (Crosswalk id)".
    case crosswalk
}
