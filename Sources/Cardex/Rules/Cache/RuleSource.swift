/// A file a rule set was built from, with the bytes it had then: a
/// compiled-rules cache is used only while every such file still has
/// exactly these bytes.
struct RuleSource: Sendable, Equatable {
  var path: String
  var bytes: [UInt8]
}
