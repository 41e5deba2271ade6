/// A weight in both units a feed's readers use.
///
/// Both are given so that no consumer converts again and rounds differently;
/// the unit the text used is the exact one and the other is rounded to 0.1.
public struct Weight: Codable, Sendable, Hashable {
  public var kg: Double
  public var lb: Double
  /// The limit as printed (`67kg`, `145 lbs.`), when it came from the text.
  public var asWritten: String?

  public static let poundsPerKilogram = 2.204_622_62

  public init(kg: Double, lb: Double, asWritten: String? = nil) {
    self.kg = kg
    self.lb = lb
    self.asWritten = asWritten
  }

  public static func kilograms(_ kg: Double, asWritten: String? = nil) -> Weight {
    Weight(kg: kg, lb: (kg * poundsPerKilogram * 10).rounded() / 10, asWritten: asWritten)
  }

  public static func pounds(_ lb: Double, asWritten: String? = nil) -> Weight {
    Weight(kg: (lb / poundsPerKilogram * 10).rounded() / 10, lb: lb, asWritten: asWritten)
  }
}
