import Testing

@testable import MedlinePlus

@Suite struct RequestPacerTests {
  @Test func noMoreThanTheLimitInAnyWindow() {
    var pacer = RequestPacer(limit: 3, window: 60)
    for second in [0.0, 1, 2] {
      #expect(pacer.wait(at: second) == 0)
      pacer.record(at: second)
    }
    #expect(pacer.wait(at: 30) == 30)
    #expect(pacer.wait(at: 59.5) == 0.5)
    #expect(pacer.wait(at: 60) == 0)
    pacer.record(at: 60)
    #expect(pacer.wait(at: 60.5) == 0.5)
  }
}
