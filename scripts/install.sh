#!/usr/bin/env bash
# Installs cardex under a prefix: the binary, the shipped rules where the
# binary looks for them (PREFIX/share/cardex/Rules), the man page and bash,
# zsh and fish completions.
#
#   scripts/install.sh [--prefix DIR] [--binary FILE]
#
#   --prefix DIR   where to install (default: $PREFIX, else /usr/local)
#   --binary FILE  install this cardex binary instead of building one
#                  (the tests install the one they built)
#
# Without --binary it builds a release binary first, with the Swift runtime
# linked in on Linux (--static-swift-stdlib), and strips it, so that the
# installed binary needs no Swift toolchain: only libyaml-0.so.2 (Debian and
# Ubuntu: apt-get install libyaml-0-2) besides the C and C++ runtimes every
# Debian or Ubuntu has (libc6, libstdc++6, libgcc-s1).
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${PREFIX:-/usr/local}"
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --binary) binary="${2:?--binary needs a file}"; shift 2 ;;
    --binary=*) binary="${1#--binary=}"; shift ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
  esac
done
case "$prefix" in
  /*) ;;
  *) prefix="$PWD/$prefix" ;;
esac

given="$binary"
if [ -z "$binary" ]; then
  flags=(-c release --product cardex)
  if [ "$(uname -s)" = Linux ]; then flags+=(--static-swift-stdlib); fi
  swift build "${flags[@]}"
  binary="$(swift build "${flags[@]}" --show-bin-path)/cardex"
fi
[ -x "$binary" ] || { echo "install.sh: '$binary' is not an executable" >&2; exit 1; }

bin="$prefix/bin"
rules="$prefix/share/cardex/Rules"
man1="$prefix/share/man/man1"
bash_dir="$prefix/share/bash-completion/completions"
zsh_dir="$prefix/share/zsh/site-functions"
fish_dir="$prefix/share/fish/vendor_completions.d"

install -d "$bin" "$prefix/share/cardex" "$man1" "$bash_dir" "$zsh_dir" "$fish_dir"
install -m 755 "$binary" "$bin/cardex"
# A release build carries its debug information (81 MB; 61 MB without).
if [ -z "$given" ] && command -v strip >/dev/null 2>&1; then strip "$bin/cardex"; fi

# The rules folder is replaced whole: cardex loads every rule file in it,
# so a file left from an older install would still be read.
rm -rf "$rules"
(cd Rules && find . -type f) | while IFS= read -r f; do
  install -D -m 644 "Rules/$f" "$rules/${f#./}"
done

install -m 644 docs/cardex.1 "$man1/cardex.1"
"$bin/cardex" --generate-completion-script bash > "$bash_dir/cardex"
"$bin/cardex" --generate-completion-script zsh > "$zsh_dir/_cardex"
"$bin/cardex" --generate-completion-script fish > "$fish_dir/cardex.fish"

# The installed binary must find and load the installed rules on its own.
(cd / && env -u CARDEX_RULES "$bin/cardex" rules test >/dev/null)

echo "installed cardex in $prefix:"
echo "  $bin/cardex"
echo "  $rules/"
echo "  $man1/cardex.1"
echo "  $bash_dir/cardex, $zsh_dir/_cardex, $fish_dir/cardex.fish"
