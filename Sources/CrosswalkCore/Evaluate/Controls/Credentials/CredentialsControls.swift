/// Credentials controls.
let credentialControls: [any Control] = [
    TokensAreShortLived(),
    StaticSecretsAreRotated(),
    StaticSecretsAreVaulted(),
    CredentialsExpire(),
    ExposedCredentialsAreRevoked(),
    TaskCredentialsRevokedAtTaskEnd(),
    UnusedCredentialsAreRemoved(),
]
