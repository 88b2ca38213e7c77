import CrosswalkCore
import Testing

@Suite struct MarkdownEscapingTests {
    @Test(arguments: [
        ("plain name", "plain name"),
        ("a | b", "a \\| b"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("`rm -rf`", "\\`rm -rf\\`"),
        ("[click](http://x)", "\\[click\\](http\\://x)"),
        ("![img](x)", "\\!\\[img\\](x)"),
        ("line\nbreak\r\ttab", "line break  tab"),
        ("bell\u{07}nul\u{0}", "bell\u{FFFD}nul\u{FFFD}"),
        ("rtl\u{202E}txt", "rtl\u{FFFD}txt"),
        ("**bold** _em_ ~~s~~ $x$", "\\*\\*bold\\*\\* \\_em\\_ \\~\\~s\\~\\~ \\$x\\$"),
        ("&amp;", "&amp;amp;"),
    ])
    func neutralisesMarkupInUntrustedText(_ input: String, _ expected: String) {
        #expect(MarkdownEscaping.escape(input) == expected)
    }
}
