import Testing

@testable import MedlinePlus

@Test func placeholder() { #expect(Bool(true)) }
