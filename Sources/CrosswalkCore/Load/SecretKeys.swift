/// Keys whose value would be a credential's secret material. Dropped wherever they appear in an
/// identity or credential, with one warning per load; their values are never read.
enum SecretKeys {
    static let names: Set<String> = [
        "value", "secret", "secret_value", "token", "token_value", "password", "private_key", "key_material",
        "client_secret", "secret_access_key", "api_key", "access_token", "refresh_token_value", "connection_string",
    ]
}
