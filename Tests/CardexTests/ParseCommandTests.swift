import Foundation
import Testing

@testable import Cardex

/// `cardex parse` as a user runs it: files, stdin, formats, output files and
/// one-line errors.
@Suite struct ParseCommandTests {
  static let seed = Repo.fixtures.appendingPathComponent("the-national-2019-12-30.txt").path

  @Test func jsonFeedHasSchemaVersionAndAllRecords() throws {
    let r = try runCardex(["parse", "-q", Self.seed])
    #expect(r.status == 0)
    let feed = try JSONDecoder().decode(Feed.self, from: Data(r.stdout.utf8))
    #expect(feed.schemaVersion == 1)
    #expect(feed.bouts.count == 11)
    #expect(feed.fixtures.count == 1)
  }

  @Test func ndjsonGivesOneTypedRecordPerLine() throws {
    let r = try runCardex(["parse", "--format", "ndjson", "-q", Self.seed])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    let types = try lines.map { line -> String in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return object?["type"] as? String ?? "?"
    }
    #expect(types.first == "feed")
    #expect(types.filter { $0 == "bout" }.count == 11)
    #expect(types.filter { $0 == "fixture" }.count == 1)
    #expect(Set(types).isSubset(of: ["feed", "bout", "fixture", "diagnostic"]))
  }

  /// `--output` naming a pipe or a device writes into it: a file renamed
  /// over it would replace the pipe (and, run as root, `/dev/null` itself).
  @Test func outputToANamedPipeWritesIntoThePipe() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("feed.pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let received = dir.appendingPathComponent("received.ndjson").path
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/sh")
    reader.arguments = ["-c", "cat \"$0\" > \"$1\"", fifo, received]
    try reader.run()
    let r = try runCardex(["parse", "-q", "--format", "ndjson", "-o", fifo, Self.seed])
    // Had the pipe been replaced, the reader would wait for a writer forever.
    if !waitForExit(reader, seconds: 10) { Issue.record("nothing was written into the pipe") }
    #expect(r.status == 0)
    let expected = try runCardex(["parse", "-q", "--format", "ndjson", Self.seed]).stdout
    #expect(try String(contentsOfFile: received, encoding: .utf8) == expected)
    var status = stat()
    #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
  }

  /// From a pipe (`tail -f article.txt | cardex parse`), each record comes
  /// out while the input is still open, soon after its line arrives: the
  /// NDJSON header at once, and a line's records once the pipe has been
  /// quiet for 50 ms. The bound here is loose for a loaded machine; the
  /// latency is printed.
  @Test(arguments: ["ndjson", "json"], ["1", "2"])
  func recordsFromAPipeComeOutAsTheirLinesArrive(format: String, jobs: String) throws {
    let process = Process()
    process.executableURL = Repo.binary
    process.arguments = ["parse", "-q", "--format", format, "--jobs", jobs]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    defer { _ = waitForExit(process, seconds: 10) }
    let reader = OutputReader(fd: output.fileHandleForReading.fileDescriptor)
    let header = format == "ndjson" ? #""type":"feed""# : #""bouts" : ["#
    #expect(reader.wait(for: header, seconds: 10) != nil, "no header before any input")
    let lines = [
      "FIGHT CARD\n\nBantamweight Hamza Bougamza (MAR) v Jalal Al Daaja (JOR)\n",
      "\nCatchweight 67kg Mohamed El Mesbahi (MAR) v Fouad Mesdari (ALG)\n",
    ]
    for (text, name) in zip(lines, ["Hamza Bougamza", "Mohamed El Mesbahi"]) {
      input.fileHandleForWriting.write(Data(text.utf8))
      let latency = reader.wait(for: name, seconds: 10)
      #expect(latency != nil, "'\(name)' did not come out while the input was open")
      if let latency {
        print("\(format) --jobs \(jobs): '\(name)' out \(Int(latency * 1000)) ms after its line")
        #expect(latency < 3)
      }
    }
    try input.fileHandleForWriting.close()
    #expect(waitForExit(process, seconds: 10))
    #expect(process.terminationStatus == 0)
    let all = reader.rest()
    if format == "json" {
      let feed = try JSONDecoder().decode(Feed.self, from: Data(all.utf8))
      #expect(feed.bouts.map(\.fighters[0].name) == ["Hamza Bougamza", "Mohamed El Mesbahi"])
    } else {
      #expect(all.split(separator: "\n").filter { $0.contains(#""type":"bout""#) }.count == 2)
    }
  }

  /// A stream that never pauses for 50 ms (a line every 20 ms) is still
  /// written as it comes, with `--jobs` too: a chunk is cut after 50 ms,
  /// not when 2 MiB have come.
  @Test(arguments: ["1", "2"]) func aTricklingPipesRecordsComeOutBeforeItEnds(jobs: String) throws {
    let process = Process()
    process.executableURL = Repo.binary
    process.arguments = ["parse", "-q", "--format", "ndjson", "--jobs", jobs]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    defer { _ = waitForExit(process, seconds: 10) }
    let reader = OutputReader(fd: output.fileHandleForReading.fileDescriptor)
    #expect(reader.wait(for: #""type":"feed""#, seconds: 10) != nil)
    input.fileHandleForWriting.write(Data("FIGHT CARD\n".utf8))
    var seenAfter: Int?
    for i in 0..<60 {
      let line = "Lightweight Fighter \(ValidateCommandTests.letters(i)) Aaa (MAR) v Other \(ValidateCommandTests.letters(i)) Bbb (ALG)\n"
      input.fileHandleForWriting.write(Data(line.utf8))
      if seenAfter == nil, reader.wait(for: "Fighter \(ValidateCommandTests.letters(0)) Aaa", seconds: 0.02) != nil { seenAfter = i }
    }
    try input.fileHandleForWriting.close()
    #expect(seenAfter != nil, "the first record came out only when the input ended")
    print("--jobs \(jobs): the first record came out after \(seenAfter.map(String.init) ?? "all") of 60 lines (one every 20 ms)")
    #expect(waitForExit(process, seconds: 10))
    #expect(reader.rest().split(separator: "\n").filter { $0.contains(#""type":"bout""#) }.count == 60)
  }

  /// A pipe that brings the whole text without a pause gives what the file
  /// gives, byte for byte, whatever the chunking.
  @Test(arguments: ["ndjson", "json"], ["1", "2"]) func aPipeWithoutPausesIsReadAsTheFileIs(format: String, jobs: String) throws {
    let flags = ["parse", "-q", "--format", format, "--jobs", jobs, "--chunk-bytes", "2000"]
    let text = try String(contentsOfFile: Self.seed, encoding: .utf8)
    let piped = try runCardex(flags, stdin: text)
    let file = try runCardex(flags + [Self.seed])
    #expect(piped.status == 0)
    #expect(piped.stdout.replacing(#""source":"-""#, with: #""source":"\#(Self.seed)""#)
      .replacing(#""source" : "-""#, with: #""source" : "\#(Self.seed)""#) == file.stdout)
  }

  /// `--output` naming a symbolic link replaces the file it names and
  /// keeps the link (`/dev/stdout` is one).
  @Test func outputThroughASymbolicLinkKeepsTheLink() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let real = dir.appendingPathComponent("real.json").path
    let link = dir.appendingPathComponent("link.json").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: real))
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
    #expect(try runCardex(["parse", "-q", "-o", link, Self.seed]).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.json")
    let feed = try JSONDecoder().decode(Feed.self, from: Data(contentsOf: URL(fileURLWithPath: real)))
    #expect(feed.bouts.count == 11)
  }

  @Test func standardInputIsReadWhenNoFileIsGiven() throws {
    let r = try runCardex(["parse", "--format", "ndjson", "-q"], stdin: "FIGHT CARD\nBantamweight Hamza Bougamza (MAR) v Jalal Al Daaja (JOR)\n")
    #expect(r.status == 0)
    #expect(r.stdout.contains(#""source":"-""#))
    #expect(r.stdout.contains("Hamza Bougamza"))
  }

  @Test func warningsGoToStandardErrorWithFileAndLine() throws {
    let r = try runCardex(["parse", Self.seed])
    #expect(r.status == 0)
    #expect(r.stderr.contains("the-national-2019-12-30.txt:70: warning: weight class 'Lighweight' read as 'Lightweight' [weight-class-corrected]"))
  }

  /// A card line that gives one diagnostic of each severity: a corrected
  /// class (warning), a press code (note), one fighter twice (error).
  static let everySeverity = "FIGHT CARD\nLighweight Ann Smith (PAL) v Ann Smith (MAR)\n"

  /// One rule for all severities: what the feed's `diagnostics` holds is
  /// printed, notes too.
  @Test func notesWarningsAndErrorsAllReachStandardError() throws {
    let r = try runCardex(["parse", "--format", "ndjson"], stdin: Self.everySeverity)
    let printed = r.stderr.split(separator: "\n").compactMap { $0.firstMatch(of: /^-:2: (note|warning|error): .*\[([a-z-]+)\]$/) }
      .map { "\($0.output.1) \($0.output.2)" }
    #expect(printed.sorted() == ["error same-fighter", "note country-nonstandard-code", "warning weight-class-corrected"])
    #expect(r.stdout.split(separator: "\n").filter { $0.contains(#""type":"diagnostic""#) }.count == 3)
  }

  /// `-q` hides notes and warnings only: a `--strict` run that fails still
  /// says why, above its "(see above)".
  @Test func quietHidesNotesAndWarningsButNeverErrors() throws {
    let r = try runCardex(["parse", "-q", "--strict", "--format", "ndjson"], stdin: Self.everySeverity)
    #expect(r.status == 1)
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(lines == [
      "-:2: error: /fighters/1/name: 'Ann Smith' cannot fight themself [same-fighter]",
      "cardex: error: --strict: records failed the feed checks (see above); do not publish this output",
    ])
  }

  @Test func helpStatesWhereDiagnosticsGo() throws {
    let help = try runCardex(["parse", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(help.contains("Every diagnostic (note, warning or error) is printed to standard error"))
    #expect(help.contains("--quiet hides notes and warnings, never errors"))
    #expect(help.contains("-q, --quiet Do not print notes or warnings to standard error (errors still print"))
  }

  @Test func missingFileIsOneLineErrorAndNothingIsWritten() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("feed.json")
    let r = try runCardex(["parse", "--output", out.path, Self.seed, dir.appendingPathComponent("nope.txt").path])
    #expect(r.status == 1)
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(r.stderr.contains("cannot open '\(dir.path)/nope.txt': No such file or directory"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
    #expect(r.stdout.isEmpty)
  }

  @Test func directoryAsInputIsRefused() throws {
    let r = try runCardex(["parse", Repo.fixtures.path])
    #expect(r.status == 1)
    #expect(r.stderr.contains("it is a directory"))
  }

  @Test func outputFileIsReplacedOnlyOnSuccess() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("feed.json")
    try "previous".write(to: out, atomically: true, encoding: .utf8)
    let failed = try runCardex(["parse", "--output", out.path, "/nonexistent/x.txt"])
    #expect(failed.status == 1)
    #expect(try String(contentsOf: out, encoding: .utf8) == "previous")
    let ok = try runCardex(["parse", "-q", "--output", out.path, Self.seed])
    #expect(ok.status == 0)
    #expect(ok.stdout.isEmpty)
    let feed = try JSONDecoder().decode(Feed.self, from: Data(contentsOf: out))
    #expect(feed.bouts.count == 11)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "feed.json" }
    #expect(leftovers.isEmpty)
  }

  @Test func brokenRuleFolderIsReportedWithPosition() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "version: 2\ngrammar: x\nrules:\n  - rule: x\n    sequence: \"side separator '( side\"\n"
      .write(to: dir.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
    let r = try runCardex(["parse", "--rules", dir.path, Self.seed])
    #expect(r.status == 1)
    #expect(r.stderr == "\(dir.path)/x.yaml:5:31: error: a quoted mark is never closed\n")
  }
}
