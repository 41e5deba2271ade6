/// Reads `countries.csv`: `iso2,iso3,ioc,fifa,name`, `#` comment lines, RFC 4180
/// quoting.
enum CountryTable {
  static func parse(_ text: String, file: String) throws(YAMLError) -> [CountryLexicon.Entry] {
    var entries: [CountryLexicon.Entry] = []
    var sawHeader = false
    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = splitCSV(line)
      if !sawHeader {
        guard fields == ["iso2", "iso3", "ioc", "fifa", "name"] else {
          throw YAMLError(file: file, mark: Mark(line: n + 1, column: 1), message: "country table header must be 'iso2,iso3,ioc,fifa,name'")
        }
        sawHeader = true
        continue
      }
      guard fields.count == 5 else {
        throw YAMLError(file: file, mark: Mark(line: n + 1, column: 1), message: "expected 5 fields, found \(fields.count)")
      }
      func v(_ i: Int) -> String? { fields[i].isEmpty ? nil : fields[i] }
      entries.append(.init(iso2: v(0), iso3: v(1), ioc: v(2), fifa: v(3), name: fields[4]))
    }
    return entries
  }

  static func splitCSV(_ line: Substring) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var chars = line.makeIterator()
    var pendingQuote = false
    while let c = chars.next() {
      if pendingQuote {
        pendingQuote = false
        if c == "\"" {
          current.append("\"")
          continue
        }
        quoted = false
      }
      if quoted {
        if c == "\"" { pendingQuote = true } else { current.append(c) }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        fields.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    fields.append(current)
    return fields
  }
}
