extension Array {
    /// Calls `body` with each element in order, read in place rather than copied.
    ///
    /// `for element in array` copies each element, retaining every reference it holds (a
    /// credential holds a dozen), and releases them after: for the controls that visit every
    /// credential of a million identities, that was more work than judging it. A `borrowing`
    /// element cannot be copied by accident either: the compiler asks for an explicit `copy`.
    @inlinable
    func forEachInPlace(_ body: (borrowing Element) throws -> Void) rethrows {
        try withUnsafeBufferPointer { elements in
            for index in elements.indices { try body(elements[index]) }
        }
    }
}
