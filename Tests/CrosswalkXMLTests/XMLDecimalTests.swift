import Testing

@testable import CrosswalkXML

/// Numbers written as `xs:decimal`: never an exponent, never a trailing `.0`.
@Suite struct XMLDecimalTests {
    @Test(arguments: [
        (0.0, "0"),
        (12.0, "12"),
        (12.5, "12.5"),
        (3.03, "3.03"),
        (0.3214285714285714, "0.3214285714285714"),
        (1e-06, "0.000001"),
        (1.5e-05, "0.000015"),
        (2.5e-10, "0.00000000025"),
        (1e16, "10000000000000000"),
        (1.25e17, "125000000000000000"),
        (-0.5, "-0.5"),
        (-3e-07, "-0.0000003"),
    ])
    func writesPlainDecimalDigits(_ value: Double, _ expected: String) {
        #expect(XMLDecimal.text(value) == expected)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func hasNoTextForNonFiniteValues(_ value: Double) {
        #expect(XMLDecimal.text(value) == nil)
    }
}
