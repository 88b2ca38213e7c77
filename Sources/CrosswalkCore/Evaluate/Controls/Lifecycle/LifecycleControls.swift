/// Lifecycle controls: ownership, offboarding and third-party review.
let lifecycleControls: [any Control] = [
    IdentitiesHaveOwners(),
    InactiveIdentitiesAreDisabled(),
    ThirdPartyIdentitiesAreReviewed(),
]
