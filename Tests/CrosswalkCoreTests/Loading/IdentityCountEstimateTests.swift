import Testing

@testable import CrosswalkCore

@Suite struct IdentityCountEstimateTests {
    @Test func aTenthMoreThanTheShareReadSoFar() {
        // 65,536 identities in the first tenth of the input: about 655,360 in all, plus a tenth.
        let estimate = IdentityCountEstimate.identities(seen: 65_536, bytesRead: 50_000_000, totalBytes: 500_000_000)
        #expect(estimate == 720_896)
    }

    @Test func neverMoreThanOneIdentityPerSixteenBytes() {
        let estimate = IdentityCountEstimate.identities(seen: 65_536, bytesRead: 1_000, totalBytes: 10_000_000)
        #expect(estimate == 625_000)
    }

    @Test func neverFewerThanTheIdentitiesSeen() {
        #expect(IdentityCountEstimate.identities(seen: 70_000, bytesRead: 0, totalBytes: 0) == 70_000)
        #expect(IdentityCountEstimate.identities(seen: 70_000, bytesRead: 900_000, totalBytes: 1_000_000) == 70_000)
    }
}
