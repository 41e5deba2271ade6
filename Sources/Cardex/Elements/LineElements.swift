/// A line read into tokens and every element found in it.
///
/// Elements may overlap (`7.45` is a time and a number; `Peso leve` a weight
/// class, `leve` nothing): the grammar chooses among them.
public struct LineElements: Sendable {
  public let text: String
  public let tokens: [Token]
  public private(set) var elements: [Element] = []
  /// Element indexes by their first token.
  private(set) var startingAt: [[Int]]
  /// Element indexes by their last token.
  private(set) var endingAt: [[Int]]
  /// For each opening bracket or quote, the token that closes it.
  public let closing: [Int: Int]
  /// For each closing bracket or quote, the token that opens it.
  public let opening: [Int: Int]

  public init(text: String, tokens: [Token]) {
    self.text = text
    self.tokens = tokens
    startingAt = Array(repeating: [], count: tokens.count + 1)
    endingAt = Array(repeating: [], count: tokens.count + 1)
    (closing, opening) = Self.pairBrackets(tokens)
  }

  /// Adds an element, keeping each token's lists in the order the lookups
  /// give them (longest first), so that a lookup sorts nothing.
  public mutating func add(_ e: Element) {
    guard e.start < e.end, e.end <= tokens.count else { return }
    if startingAt[e.start].contains(where: { elements[$0].type == e.type && elements[$0].end == e.end }) { return }
    elements.append(e)
    let k = elements.count - 1
    let s = startingAt[e.start].firstIndex { elements[$0].end < e.end } ?? startingAt[e.start].count
    startingAt[e.start].insert(k, at: s)
    let f = endingAt[e.end - 1].firstIndex { elements[$0].start > e.start } ?? endingAt[e.end - 1].count
    endingAt[e.end - 1].insert(k, at: f)
  }

  /// Elements that start at token `i`, longest first.
  public func elements(startingAt i: Int) -> [Element] {
    guard i >= 0, i < startingAt.count else { return [] }
    return startingAt[i].map { elements[$0] }
  }

  /// Elements that end just before token `i` (their last token is `i - 1`),
  /// longest first.
  public func elements(endingBefore i: Int) -> [Element] {
    guard i >= 1, i - 1 < endingAt.count else { return [] }
    return endingAt[i - 1].map { elements[$0] }
  }

  /// The longest element of `type` that starts at token `i`.
  public func element(_ type: String, at i: Int) -> Element? {
    guard i >= 0, i < startingAt.count else { return nil }
    for k in startingAt[i] where elements[k].type == type { return elements[k] }
    return nil
  }

  /// Elements of `type` anywhere in the line.
  public func elements(ofType type: String) -> [Element] { elements.filter { $0.type == type } }

  /// Whether token `i` lies inside an element of one of `types`.
  public func isCovered(_ i: Int, by types: Set<String>) -> Bool {
    elements.contains { $0.start <= i && i < $0.end && types.contains($0.type) }
  }

  /// The text of tokens `start..<end` as written, with the line's spaces.
  /// How many words the tokens at `indices` make: a run of Chinese
  /// characters or kana written together is one word, as the spaces
  /// between words of other scripts would make it (`秩父宮` is a venue,
  /// not three unexplained words).
  /// As `wordCount(_:)`, over the tokens `include` takes, in order.
  public func wordCount(where include: (Int) -> Bool) -> Int {
    var previous = -2
    var count = 0
    for i in tokens.indices where include(i) {
      let t = tokens[i]
      if !(i == previous + 1 && t.isCJK && tokens[previous].isCJK && !t.spaceBefore) { count += 1 }
      previous = i
    }
    return count
  }

  /// Whether token `i` begins a word of a name: a word or a number with a
  /// space, the line's start or a mark other than a joiner before it
  /// (`Aubin-Mercier` is one word).
  public func startsNameWord(_ i: Int) -> Bool {
    let t = tokens[i]
    guard t.isWord || t.isNumber else { return false }
    return i == 0 || t.spaceBefore || !(tokens[i - 1].isWord || tokens[i - 1].isNumber || tokens[i - 1].isJoiner)
  }

  /// The words of a name over tokens `start..<end`, as `startsNameWord(_:)`
  /// counts them.
  public func nameWordCount(_ start: Int, _ end: Int) -> Int { (start..<end).filter { startsNameWord($0) }.count }

  public func wordCount(_ indices: [Int]) -> Int {
    var previous = -2
    var count = 0
    for i in indices.sorted() {
      let t = tokens[i]
      let glued = i == previous + 1 && t.isCJK && tokens[previous].isCJK && !t.spaceBefore
      if !glued { count += 1 }
      previous = i
    }
    return count
  }

  public func text(_ start: Int, _ end: Int) -> String {
    guard start < end, end <= tokens.count else { return "" }
    var out = ""
    for i in start..<end {
      if i > start, tokens[i].spaceBefore { out += " " }
      out += tokens[i].text
    }
    return out
  }

  static let openers: [String: String] = ["(": ")", "[": "]", "{": "}", "\u{201C}": "\u{201D}", "\u{AB}": "\u{BB}", "\u{300C}": "\u{300D}", "\u{FF08}": "\u{FF09}", "\u{3010}": "\u{3011}", "<": ">", "\u{2039}": "\u{203A}"]

  /// Brackets paired innermost first; straight double quotes pair in turn.
  private static func pairBrackets(_ tokens: [Token]) -> ([Int: Int], [Int: Int]) {
    var closing: [Int: Int] = [:]
    var opening: [Int: Int] = [:]
    var stack: [(Int, String)] = []
    var quote: Int?
    var single: Int?
    for (i, t) in tokens.enumerated() where t.kind == .punctuation {
      // A nickname in single quotes: `Saúl 'Canelo' Álvarez`. Opens after a
      // space before a word, closes glued to a word.
      if t.text == "'" {
        let next = i + 1 < tokens.count ? tokens[i + 1] : nil
        if let q = single, !t.spaceBefore, i > 0, tokens[i - 1].isWord, i - q <= 5 {
          closing[q] = i
          opening[i] = q
          single = nil
        } else if t.spaceBefore || i == 0, let n = next, n.isWord, !n.spaceBefore {
          single = i
        }
        continue
      }
      if t.text == "\"" {
        if let q = quote {
          closing[q] = i
          opening[i] = q
          quote = nil
        } else {
          quote = i
        }
        continue
      }
      if let close = openers[t.text] {
        stack.append((i, close))
      } else if let top = stack.last, top.1 == t.text {
        stack.removeLast()
        closing[top.0] = i
        opening[i] = top.0
      }
    }
    return (closing, opening)
  }
}
