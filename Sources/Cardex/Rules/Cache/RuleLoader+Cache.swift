extension RuleLoader {
  /// Loads every rule file under `directories` as `load(directories:)`
  /// does, taking the built rules from `cache` when it holds them for
  /// exactly these files, and storing them there when it does not.
  ///
  /// Errors are the build's: a rule set is stored only once it has
  /// built, so a broken file is always read and reported as without a
  /// cache. `cache: nil` is `load(directories:)`.
  public func load(directories: [String], cache: RuleCache?) throws(YAMLError) -> RuleSet {
    guard let cache, let key = cache.key(directories: directories, lexiconsOnly: lexiconsOnly) else {
      return try load(directories: directories)
    }
    let paths = try documentPaths(in: directories, skipping: [])
    if let rules = cache.read(key: key, files: paths) { return rules }
    var sources: [RuleSource] = []
    var documents: [(path: String, root: YAMLNode)] = []
    for path in paths {
      // The bytes parsed are the bytes kept: a file edited during the
      // build cannot be stored with the rules of its old text.
      let bytes = try RuleFileText.readBytes(path)
      sources.append(RuleSource(path: path, bytes: bytes))
      documents.append((path, try YAMLParser().parse(try RuleFileText.text(decoding: bytes, path: path), file: path)))
    }
    let built = try build(documents)
    cache.write(built.rules, key: key, files: paths, sources: sources + built.tables)
    return built.rules
  }
}
