/// How a result's subject id follows from its row in the JSON and XML reports' identity table, so
/// that the result need not repeat it: the subject is the row's identity itself, or one of its
/// credentials (`identity-id/credential-id`), named by the credential's own id.
enum RelativeSubject: Equatable {
    /// The subject id is the identity's id.
    case identity
    /// The subject id is the identity's id, `/` and the credential's own id.
    case credential
}
