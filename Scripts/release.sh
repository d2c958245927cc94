#!/usr/bin/env bash
# Builds a PlanCheck release for Linux x86_64 that runs without a Swift toolchain:
#
#   Scripts/release.sh VERSION [COMMIT]   e.g. Scripts/release.sh 0.2.0   (COMMIT: default HEAD)
#
# The release is built from a commit (HEAD unless given), exported (git archive) into
# .build-release/src (files whose bytes did not change keep their time, so a rebuild of the
# same commit only relinks),
# where Sources/PlanCheckCLI/Version.swift is rewritten to name VERSION and the commit; the
# working tree is never modified, and uncommitted changes are not in the release (a warning
# says so). The Swift runtime and Foundation are linked in (--static-swift-stdlib), and so are
# libyaml and the C libraries Foundation's XML parser needs (libxml2 with ICU, zlib, liblzma):
# their static archives are put in a folder that the linker searches before the system's, so
# it picks them instead of the shared objects. The binary then needs only glibc, libstdc++ and libgcc_s,
# which every Debian or Ubuntu system has (`ldd` is checked below).
#
# Output, in .build-release/dist (or $PLANCHECK_DIST):
#   plancheck-VERSION-linux-x86_64.tar.gz   the binary (and plancheck-server when the package
#                                           defines that product), README, LICENSE, third-party
#                                           notices, the built-in packs (rules/) and docs,
#                                           examples, bash/zsh/fish completions, a man page
#   SHA256SUMS                              its checksum (`sha256sum -c SHA256SUMS`)
set -euo pipefail

VERSION="${1:-}"
if ! [[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
  echo "usage: Scripts/release.sh VERSION   (a semantic version such as 0.2.0 or 1.0.0-rc.1)" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCRATCH="$ROOT/.build-release"
SRC="$SCRATCH/src"
DIST="${PLANCHECK_DIST:-$SCRATCH/dist}"
NAME="plancheck-$VERSION-linux-x86_64"
LIBDIR="/usr/lib/x86_64-linux-gnu"

if [ "$(uname -m)" != x86_64 ]; then
  echo "release.sh builds linux-x86_64 releases and must run on x86_64 Linux" >&2
  exit 2
fi

# The static archives: libyaml-dev, libxml2-dev (with libicu-dev), zlib1g-dev, liblzma-dev.
STATIC_LIBS=(yaml xml2 icui18n icuuc icudata z lzma)
missing=()
for lib in "${STATIC_LIBS[@]}"; do [ -f "$LIBDIR/lib$lib.a" ] || missing+=("$lib"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing the static libraries (missing: ${missing[*]})" >&2
  apt-get install -y libyaml-dev libxml2-dev libicu-dev zlib1g-dev liblzma-dev >/dev/null
fi

COMMIT="$(git -C "$ROOT" rev-parse --verify "${2:-HEAD}^{commit}")"
COMMIT_TIME="$(git -C "$ROOT" log -1 --format=%ct "$COMMIT")"
if [ -z "${2:-}" ] && [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ]; then
  echo "warning: the working tree has uncommitted changes; the release is built from commit $COMMIT without them" >&2
fi

echo "== exporting $COMMIT into $SRC"
mkdir -p "$SRC" "$SCRATCH/static-libs" "$SCRATCH/pkgconfig" "$DIST"
rm -rf "$SCRATCH/export"
mkdir -p "$SCRATCH/export"
git -C "$ROOT" archive --format=tar "$COMMIT" | tar -x -C "$SCRATCH/export"
# Into $SRC, touching only what differs: the release build is whole-module optimised, and an
# unchanged module is reused only if its files keep their times.
(cd "$SCRATCH/export" && find . -type f) | while read -r file; do
  if ! cmp -s "$SCRATCH/export/$file" "$SRC/$file"; then mkdir -p "$(dirname "$SRC/$file")"; cp -p "$SCRATCH/export/$file" "$SRC/$file"; fi
done
(cd "$SRC" && find . -type f -not -name Package.resolved) | while read -r file; do
  [ -e "$SCRATCH/export/$file" ] || rm -f "$SRC/$file"
done
rm -rf "$SCRATCH/export"
# Same dependency versions as the development build, when it has pinned them.
[ -f "$ROOT/Package.resolved" ] && cp "$ROOT/Package.resolved" "$SRC/"
cat > "$SCRATCH/Version.swift" <<EOF
/// Written by Scripts/release.sh for the release build.
enum PlanCheckVersion {
    static let current = "$VERSION (commit $COMMIT)"
}
EOF
cmp -s "$SCRATCH/Version.swift" "$SRC/Sources/PlanCheckCLI/Version.swift" || cp "$SCRATCH/Version.swift" "$SRC/Sources/PlanCheckCLI/Version.swift"

for lib in "${STATIC_LIBS[@]}"; do ln -sf "$LIBDIR/lib$lib.a" "$SCRATCH/static-libs/lib$lib.a"; done
# SwiftPM puts the -L of the pkg-config files it reads (yaml-0.1 for CYAML, zlib for
# ZIPFoundation) first on the link line, before any flag given here. Copies of those files whose
# Libs name the static folder make it the first folder searched, so -lyaml, -lz and
# FoundationXML's -lxml2 find the archives. Their Cflags stay as they are, so compiled modules
# are reused. libxml2's own dependencies follow it on the line.
sed -E "s#^Libs:.*#Libs: -L$SCRATCH/static-libs -lyaml#" "$LIBDIR/pkgconfig/yaml-0.1.pc" > "$SCRATCH/pkgconfig/yaml-0.1.pc"
sed -E "s#^Libs:.*#Libs: -L$SCRATCH/static-libs -lz#" "$LIBDIR/pkgconfig/zlib.pc" > "$SCRATCH/pkgconfig/zlib.pc"
BUILD_FLAGS=(-c release --package-path "$SRC" --scratch-path "$SCRATCH" --static-swift-stdlib
  --pkg-config-path "$SCRATCH/pkgconfig" -Xswiftc -L -Xswiftc "$SCRATCH/static-libs"
  -Xlinker -licui18n -Xlinker -licuuc -Xlinker -licudata -Xlinker -lz -Xlinker -llzma -Xlinker -lstdc++)

PRODUCTS=(plancheck)
# The server product, when this version of the package defines it.
if grep -q '"plancheck-server"' "$SRC/Package.swift"; then PRODUCTS+=(plancheck-server); fi

for product in "${PRODUCTS[@]}"; do
  echo "== building $product (release, static Swift runtime)"
  swift build "${BUILD_FLAGS[@]}" --product "$product" 2>&1 | grep -v "^warning: 'zipfoundation': found 1 file(s) which are unhandled" | grep -E "error|warning|Compiling|Linking|Build" || true
  [ -x "$SCRATCH/release/$product" ] || { echo "the build of $product failed" >&2; exit 1; }
done
BIN="$SCRATCH/release/plancheck"

# Nothing but the C and C++ runtime may be loaded at run time.
for product in "${PRODUCTS[@]}"; do
  unexpected="$(ldd "$SCRATCH/release/$product" | awk '{print $1}' \
    | grep -Ev '^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|libutil\.so\.1)$' || true)"
  if [ -n "$unexpected" ]; then
    echo "$product still needs shared libraries a bare system does not have:" >&2
    echo "$unexpected" >&2
    exit 1
  fi
done
"$BIN" --version | grep -qF "$VERSION (commit $COMMIT)" || { echo "--version does not name $VERSION and $COMMIT" >&2; exit 1; }

STAGE="$SCRATCH/stage/$NAME"
rm -rf "$SCRATCH/stage"
mkdir -p "$STAGE/completions" "$STAGE/man"
for product in "${PRODUCTS[@]}"; do
  cp "$SCRATCH/release/$product" "$STAGE/"
  strip "$STAGE/$product"
done
cp "$SRC/README.md" "$SRC/LICENSE" "$STAGE/"
cp -r "$SRC/Rules" "$STAGE/rules"
cp -r "$SRC/docs" "$STAGE/docs"
cp -r "$SRC/Examples" "$STAGE/examples"
# What is linked into the binary, with the licences that ask to travel with it.
{
  echo "plancheck $VERSION links these libraries statically; their licences follow."
  for entry in "Swift runtime and Foundation:/opt/swift/usr/share/swift/LICENSE.txt" \
               "libyaml:/usr/share/doc/libyaml-0-2/copyright" "libxml2:/usr/share/doc/libxml2/copyright" \
               "ICU:/usr/share/doc/libicu72/copyright" "zlib:/usr/share/doc/zlib1g/copyright" \
               "liblzma (xz):/usr/share/doc/liblzma5/copyright"; do
    title="${entry%%:*}"; file="${entry#*:}"
    [ -f "$file" ] || file="$(dirname "$(command -v swift)")/../share/swift/LICENSE.txt"
    printf '\n==== %s ====\n\n' "$title"
    cat "$file"
  done
} > "$STAGE/THIRD-PARTY-NOTICES"

echo "== completions and man page"
"$BIN" --generate-completion-script bash > "$STAGE/completions/plancheck.bash"
"$BIN" --generate-completion-script zsh > "$STAGE/completions/_plancheck"
"$BIN" --generate-completion-script fish > "$STAGE/completions/plancheck.fish"
# argument-parser's generate-manual (the tool behind its GenerateManual plugin), built from the
# checkout the release build already has, renders the man page from the binary's own help.
swift build --package-path "$SCRATCH/checkouts/swift-argument-parser" --scratch-path "$SCRATCH/argument-parser" \
  --product generate-manual 2>&1 | grep -E "error" || true
"$SCRATCH/argument-parser/debug/generate-manual" "$BIN" --output-directory "$STAGE/man" \
  --date "$(date -u -d "@$COMMIT_TIME" +%Y-%m-%d)" --section 1 --authors "The PlanCheck authors" >/dev/null
[ -s "$STAGE/man/plancheck.1" ] || { echo "the man page was not generated" >&2; exit 1; }

echo "== packing"
TARBALL="$NAME.tar.gz"
# Sorted names, fixed owner and the commit's time: the same commit gives the same bytes.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$COMMIT_TIME" -C "$SCRATCH/stage" -cf - "$NAME" \
  | gzip -9n > "$DIST/$TARBALL.partial"
mv "$DIST/$TARBALL.partial" "$DIST/$TARBALL"
(cd "$DIST" && sha256sum "$TARBALL" > SHA256SUMS.partial && mv SHA256SUMS.partial SHA256SUMS)

echo "== $DIST/$TARBALL"
echo "   $(du -h "$DIST/$TARBALL" | cut -f1) packed; plancheck binary $(du -h "$STAGE/plancheck" | cut -f1)"
echo "   $("$BIN" --version)"
cat "$DIST/SHA256SUMS"
