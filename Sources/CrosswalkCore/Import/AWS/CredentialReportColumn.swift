/// The 22 columns of the IAM credential report, by header name. The reader finds each by name,
/// so a report with its columns in another order, or with extra columns, reads the same.
enum CredentialReportColumn: String, CaseIterable {
    case user
    case arn
    case userCreationTime = "user_creation_time"
    case passwordEnabled = "password_enabled"
    case passwordLastUsed = "password_last_used"
    case passwordLastChanged = "password_last_changed"
    case passwordNextRotation = "password_next_rotation"
    case mfaActive = "mfa_active"
    case accessKey1Active = "access_key_1_active"
    case accessKey1LastRotated = "access_key_1_last_rotated"
    case accessKey1LastUsedDate = "access_key_1_last_used_date"
    case accessKey1LastUsedRegion = "access_key_1_last_used_region"
    case accessKey1LastUsedService = "access_key_1_last_used_service"
    case accessKey2Active = "access_key_2_active"
    case accessKey2LastRotated = "access_key_2_last_rotated"
    case accessKey2LastUsedDate = "access_key_2_last_used_date"
    case accessKey2LastUsedRegion = "access_key_2_last_used_region"
    case accessKey2LastUsedService = "access_key_2_last_used_service"
    case cert1Active = "cert_1_active"
    case cert1LastRotated = "cert_1_last_rotated"
    case cert2Active = "cert_2_active"
    case cert2LastRotated = "cert_2_last_rotated"

    /// The five columns of access key 1 or 2.
    static func accessKey(
        _ number: Int
    ) -> (
        active: Self, lastRotated: Self, lastUsedDate: Self, lastUsedRegion: Self, lastUsedService: Self
    ) {
        number == 1
            ? (
                .accessKey1Active, .accessKey1LastRotated, .accessKey1LastUsedDate, .accessKey1LastUsedRegion,
                .accessKey1LastUsedService
            )
            : (
                .accessKey2Active, .accessKey2LastRotated, .accessKey2LastUsedDate, .accessKey2LastUsedRegion,
                .accessKey2LastUsedService
            )
    }

    /// The two columns of signing certificate 1 or 2.
    static func certificate(_ number: Int) -> (active: Self, lastRotated: Self) {
        number == 1 ? (.cert1Active, .cert1LastRotated) : (.cert2Active, .cert2LastRotated)
    }

    /// Whether the column holds a time stamp (or a sentinel for "no date").
    var isTime: Bool {
        switch self {
        case .userCreationTime, .passwordLastUsed, .passwordLastChanged, .passwordNextRotation, .accessKey1LastRotated,
            .accessKey1LastUsedDate, .accessKey2LastRotated, .accessKey2LastUsedDate, .cert1LastRotated,
            .cert2LastRotated:
            return true
        default:
            return false
        }
    }

    /// Whether the column holds `true` or `false` (or `not_supported` on the root row).
    var isFlag: Bool {
        switch self {
        case .passwordEnabled, .mfaActive, .accessKey1Active, .accessKey2Active, .cert1Active, .cert2Active:
            return true
        default:
            return false
        }
    }
}
