import Foundation

/// Runs the rules over a folder of labelled documents and measures them:
/// `DIR/raw/NAME.txt` is a text, `DIR/expected/NAME.json` its labels.
///
/// A rule author keeps such a folder to see, before publishing a change to
/// the rules, what the change gains and what it breaks; `cardex eval` is
/// this type on the command line.
public struct CorpusEvaluator: Sendable {
  public let extractor: Extractor
  public var folding: NameFolding

  public init(extractor: Extractor, folding: NameFolding = .unicode) {
    self.extractor = extractor
    self.folding = folding
  }

  /// A folder that cannot be evaluated: missing, unreadable, or holding a
  /// broken label file.
  public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case label(LabelError)

    public var description: String {
      switch self {
      case .unreadable(let path, let reason): "\(path): error: \(reason)"
      case .label(let e): e.description
      }
    }
  }

  /// Evaluates every labelled text in `directory`, in name order.
  public func evaluate(directory: String) throws(Failure) -> EvaluationReport {
    let rawDir = directory + "/raw"
    let expectedDir = directory + "/expected"
    let texts = try names(in: rawDir, suffix: ".txt")
    let labels = try names(in: expectedDir, suffix: ".json")
    var report = EvaluationReport(directory: directory)
    report.unlabelled = texts.filter { !labels.contains($0) }.map { "\(rawDir)/\($0).txt" }
    report.labelsWithoutText = labels.filter { !texts.contains($0) }.map { "\(expectedDir)/\($0).json" }
    for name in texts where labels.contains(name) {
      let labelPath = "\(expectedDir)/\(name).json"
      let textPath = "\(rawDir)/\(name).txt"
      let labels: DocumentLabels
      do {
        labels = try LabelReader.read(try contents(of: labelPath), file: labelPath)
      } catch let error as LabelError {
        throw .label(error)
      } catch let error as Failure {
        throw error
      } catch {
        throw .unreadable(path: labelPath, reason: "\(error)")
      }
      report.documents.append(evaluate(text: try contents(of: textPath), labels: labels, name: name, path: textPath))
    }
    return report
  }

  /// Evaluates one text against its labels.
  public func evaluate(text: [UInt8], labels: DocumentLabels, name: String, path: String) -> DocumentEvaluation {
    var found = DocumentComparer.Found()
    var explained: [Int: String] = [:]
    for item in extractor.extract(bytes: text, source: path, explain: true) {
      switch item {
      case .bout(let b): found.bouts.append(b)
      case .fixture(let f): found.fixtures.append(f)
      case .diagnostic(let d) where d.code == "near-miss": found.nearMisses[d.line] = d.message
      case .explanation(let e) where e.kind == .nearMiss:
        explained[e.line] = ([e.rule] + e.details).joined(separator: "; ")
      default: break
      }
    }
    for (line, why) in explained {
      found.nearMisses[line] = (found.nearMisses[line].map { $0 + " — " } ?? "near miss: ") + why
    }
    var d = DocumentEvaluation(
      name: name, path: path, language: labels.language, sport: labels.sport, layout: labels.layout,
      negative: labels.negative ?? (labels.bouts.isEmpty && labels.fixtures.isEmpty))
    let lines = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    DocumentComparer(folding: folding).compare(labels: labels, found: found, lines: lines, into: &d)
    return d
  }

  private func names(in dir: String, suffix: String) throws(Failure) -> [String] {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
      throw .unreadable(path: dir, reason: "no such folder (a labelled corpus holds raw/NAME.txt and expected/NAME.json)")
    }
    let entries: [String]
    do {
      entries = try FileManager.default.contentsOfDirectory(atPath: dir)
    } catch {
      throw .unreadable(path: dir, reason: "cannot list the folder")
    }
    return entries.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.map { String($0.dropLast(suffix.count)) }.sorted()
  }

  private func contents(of path: String) throws(Failure) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "cannot read the file")
    }
    return [UInt8](data)
  }
}
