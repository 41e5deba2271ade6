#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `--output` does with symbolic links.
///
/// A link named as the output stays a link and the file it names is
/// replaced (`/dev/stdout`, a link in a project). But in a folder anyone may
/// write to and only owners may delete from (sticky and world-writable, as
/// `/tmp`), another user can plant a link where a run will write, and make
/// it replace a file of the user's, or as root a system file. Such a link,
/// anywhere in the path, is refused unless the user or the folder's owner
/// owns it: the rule of the kernel's `protected_symlinks`, which not every
/// system turns on.
extension OutputFile {
  /// `path`, with a final symbolic link resolved to the file it names.
  static func resolvingLinks(_ path: String) throws(Failure) -> String {
    var prefix = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      let parent = prefix.isEmpty ? "/" : prefix
      prefix += "/" + part
      var link = stat()
      guard lstat(prefix, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else { continue }
      if isPlanted(link, in: parent) {
        throw Failure(
          description: "cannot write '\(path)': '\(prefix)' is a symbolic link of another user (uid \(link.st_uid)) in a "
            + "world-writable sticky folder; cardex does not follow it (it could point at any of your files)")
      }
    }
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return path }
    guard let resolved = realpath(path, nil) else { throw Failure(cannotWrite: path) }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Whether `link`, in `dir`, is one another user could have planted.
  static func isPlanted(_ link: stat, in dir: String) -> Bool {
    var folder = stat()
    guard stat(dir, &folder) == 0, folder.st_mode & mode_t(S_ISVTX) != 0, folder.st_mode & mode_t(S_IWOTH) != 0 else {
      return false
    }
    return link.st_uid != geteuid() && link.st_uid != folder.st_uid
  }
}
