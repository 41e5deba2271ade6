internal import CYaml

/// Reads one YAML document into a `YAMLNode` tree with the system libyaml.
///
/// The parser owns its `yaml_parser_t` for the length of one call and runs the
/// whole event loop inside `withUnsafeBufferPointer`, so the pointer libyaml
/// holds never outlives the bytes. Anchors and aliases are expanded with a
/// budget, and nesting is capped, so a hostile rule file (a "billion laughs"
/// alias bomb, or 10 000 nested lists) fails with an error instead of eating
/// the machine.
public struct YAMLParser: Sendable {
  /// Most nodes one document may expand to, aliases included.
  public var maxNodes = 2_000_000
  /// Deepest nesting of mappings and lists.
  public var maxDepth = 256

  public init() {}

  /// Parses `text`; `file` only names the source in errors.
  public func parse(_ text: String, file: String) throws(YAMLError) -> YAMLNode {
    var bytes = Array(text.utf8)
    if bytes.isEmpty { bytes = [10] }
    var result: Result<YAMLNode, YAMLError> = .failure(
      YAMLError(file: file, mark: Mark(line: 1, column: 1), message: "empty document"))
    bytes.withUnsafeBufferPointer { buffer in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else {
        result = .failure(
          YAMLError(file: file, mark: Mark(line: 1, column: 1), message: "cannot start the YAML parser"))
        return
      }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var builder = TreeBuilder(file: file, maxNodes: maxNodes, maxDepth: maxDepth)
      result = Result { () throws(YAMLError) -> YAMLNode in
        try builder.run(&parser)
      }
    }
    return try result.get()
  }
}

/// Turns libyaml's event stream into nodes, one document deep.
private struct TreeBuilder {
  let file: String
  let maxNodes: Int
  let maxDepth: Int
  var nodeCount = 0
  var anchors: [String: (node: YAMLNode, size: Int)] = [:]

  init(file: String, maxNodes: Int, maxDepth: Int) {
    self.file = file
    self.maxNodes = maxNodes
    self.maxDepth = maxDepth
  }

  /// A container under construction; mutated in place on the stack so that
  /// appending stays O(1) however large the mapping or list grows.
  struct Frame {
    var isMapping: Bool
    var items: [YAMLNode] = []
    var pairs: [(key: YAMLNode, value: YAMLNode)] = []
    var pendingKey: YAMLNode?
    var mark: Mark
    var anchor: String?
    var start: Int
  }

  mutating func run(_ parser: inout yaml_parser_t) throws(YAMLError) -> YAMLNode {
    var stack: [Frame] = []
    var root: YAMLNode?
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(&parser, &event) == 1 else {
        throw syntaxError(parser)
      }
      defer { yaml_event_delete(&event) }
      let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
      var finished: YAMLNode?
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return root ?? .mapping([], Mark(line: 1, column: 1))
      case YAML_DOCUMENT_START_EVENT:
        if root != nil {
          throw YAMLError(file: file, mark: mark, message: "a rule file holds one YAML document; found a second '---'")
        }
      case YAML_SCALAR_EVENT:
        let s = event.data.scalar
        let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
        let quoted = s.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || s.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
          || s.style == YAML_LITERAL_SCALAR_STYLE || s.style == YAML_FOLDED_SCALAR_STYLE
        try count(1, at: mark)
        let node = YAMLNode.scalar(text, mark, quoted: quoted)
        if let anchor = string(s.anchor) { anchors[anchor] = (node, 1) }
        finished = node
      case YAML_ALIAS_EVENT:
        let name = string(event.data.alias.anchor) ?? ""
        guard let target = anchors[name] else {
          throw YAMLError(file: file, mark: mark, message: "alias '*\(name)' names no anchor defined before it")
        }
        try count(target.size, at: mark)
        finished = target.node
      case YAML_SEQUENCE_START_EVENT:
        try count(1, at: mark)
        try push(
          &stack, Frame(isMapping: false, mark: mark, anchor: string(event.data.sequence_start.anchor), start: nodeCount),
          at: mark)
      case YAML_MAPPING_START_EVENT:
        try count(1, at: mark)
        try push(
          &stack, Frame(isMapping: true, mark: mark, anchor: string(event.data.mapping_start.anchor), start: nodeCount),
          at: mark)
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let frame = stack.popLast() else { break }
        let node: YAMLNode = frame.isMapping ? .mapping(frame.pairs, frame.mark) : .sequence(frame.items, frame.mark)
        if let anchor = frame.anchor { anchors[anchor] = (node, nodeCount - frame.start + 1) }
        finished = node
      default:
        break
      }
      if let node = finished {
        if stack.isEmpty {
          root = node
        } else {
          add(node, to: &stack[stack.count - 1])
        }
      }
    }
  }

  private mutating func count(_ n: Int, at mark: Mark) throws(YAMLError) {
    nodeCount += n
    if nodeCount > maxNodes {
      throw YAMLError(
        file: file, mark: mark,
        message: "document expands to more than \(maxNodes) nodes (an alias bomb?)")
    }
  }

  private func push(_ stack: inout [Frame], _ frame: Frame, at mark: Mark) throws(YAMLError) {
    if stack.count >= maxDepth {
      throw YAMLError(file: file, mark: mark, message: "nesting deeper than \(maxDepth) levels")
    }
    stack.append(frame)
  }

  private func add(_ node: YAMLNode, to frame: inout Frame) {
    if !frame.isMapping {
      frame.items.append(node)
    } else if let key = frame.pendingKey {
      frame.pairs.append((key, node))
      frame.pendingKey = nil
    } else {
      frame.pendingKey = node
    }
  }

  private func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let p else { return nil }
    return String(cString: UnsafePointer(p))
  }

  private func syntaxError(_ parser: yaml_parser_t) -> YAMLError {
    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
    var message = problem
    if let context = parser.context.map({ String(cString: $0) }) {
      message = "\(context): \(problem)"
    }
    let m = parser.problem_mark
    return YAMLError(file: file, mark: Mark(line: Int(m.line) + 1, column: Int(m.column) + 1), message: message)
  }
}
