#!/usr/bin/env bash
# Regenerates the two distractor corpora shipped under src/test/resources/distractors/ and builds
# their larger (~500-document) variants outside the repository for `bench --scaling`:
#
#   man/        ~50 man pages rendered to text (bash(1) among them, with its blocks of several
#               thousand characters without a full stop), from GPL-, BSD- or MIT-licensed packages
#   licences/   ~50 licence texts (long-paragraph legal prose): /usr/share/common-licenses and the
#               licence paragraphs of the installed packages' Debian copyright files
#   OUT/man500/       ~500 rendered man pages of such packages (not shipped)
#   OUT/licences500/  ~500 licence texts and whole Debian copyright files (not shipped)
#
# Usage: src/build/make-distractors.sh [OUT]   (OUT defaults to ../distractors, beside the project)
#        src/build/make-distractors.sh --shipped-only
#
# Needs a Debian system with the packages below installed (man pages, groff, col). The output
# depends on the installed versions; each corpus folder's MANIFEST (not .md: the seed loader would index it) records package, version and
# licence per file.
set -euo pipefail
export LC_ALL=C.UTF-8

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHIPPED="$ROOT/src/test/resources/distractors"
OUT="${1:-$ROOT/../distractors}"
LARGE=1
if [[ "${1:-}" == "--shipped-only" ]]; then
  LARGE=0
fi

# The licences a man page's package may carry to be taken: its Debian copyright file's licence
# for "Files: *" must name one of these (GPL/LGPL, BSD, MIT/Expat/X11 and their Debian names).
ALLOWED_LICENCE='^(GPL|LGPL|BSD|MIT|Expat|X11|curl)'

# The shipped man pages: one very long page (bash) and pages of every length from a dozen
# packages, about 1 MB in all. No page of a tool a suite's far-off question asks about (the
# suites ask how to undo a git commit, expecting a refusal: git's own pages would answer it).
MAN_SHIPPED=(
  bash dash tar ps top grep split tail timeout touch shred
  bc man zstd file bzip2 unshare make sed dmesg lz4 nsenter su ls fuser pgrep setpriv
  lscpu diff date chmod flock more watch cp numfmt killall stat du pstree sort od free dd df
  install tr ln env rm
)

man_file() { # NAME -> path of its section-1 page
  local f
  for f in /usr/share/man/man1/"$1".1.gz /usr/share/man/man8/"$1".8.gz; do
    if [[ -e "$f" ]]; then
      readlink -f "$f"
      return
    fi
  done
  echo "no man page for $1" >&2
  return 1
}

package_of() { # FILE -> Debian package owning it
  dpkg -S "$1" 2>/dev/null | head -1 | cut -d: -f1
}

licence_of() { # PACKAGE -> licence of its "Files: *" stanza (first License line otherwise)
  local c="/usr/share/doc/$1/copyright"
  [[ -e "$c" ]] || { echo "unknown"; return; }
  awk '/^Files:[ \t]*\*[ \t]*$/ { star = 1; next }
       star && /^License:/ { sub(/^License:[ \t]*/, ""); print; found = 1; exit }
       /^License:/ && first == "" { first = $0; sub(/^License:[ \t]*/, "", first) }
       END { if (!found) print (first == "" ? "unknown" : first) }' "$c"
}

version_of() {
  dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "?"
}

render() { # man page file -> text on stdout
  zcat "$1" | groff -man -Tutf8 2>/dev/null | col -bx
}

write_man() { # DIR NAME... : renders each page into DIR with a manifest
  local dir="$1"
  shift
  rm -rf "$dir"
  mkdir -p "$dir"
  {
    echo "# Rendered man pages"
    echo
    echo "Made by src/build/make-distractors.sh: \`zcat PAGE.gz | groff -man -Tutf8 | col -bx\`."
    echo "Each page is distributed under its package's licence (from the package's Debian"
    echo "copyright file, \`Files: *\` stanza), all of them GPL, LGPL, BSD or MIT style, which allow"
    echo "redistribution of the text. Pages are unmodified apart from the rendering."
    echo
    echo "| file | page | package | version | licence |"
    echo "|---|---|---|---|---|"
  } >"$dir/MANIFEST"
  local name src pkg lic
  for name in "$@"; do
    src="$(man_file "$name")"
    pkg="$(package_of "$src")"
    lic="$(licence_of "$pkg")"
    if ! [[ "$lic" =~ $ALLOWED_LICENCE ]]; then
      echo "skipping $name: package $pkg is licensed $lic" >&2
      continue
    fi
    render "$src" >"$dir/$name.txt"
    echo "| $name.txt | $(basename "$src" .gz) | $pkg | $(version_of "$pkg") | $lic |" >>"$dir/MANIFEST"
  done
}

# Licence paragraphs of the Debian copyright files, one file per licence name (the first text
# found for a name), into DIR; prints nothing. Only texts of at least MIN_LINES lines are kept.
extract_licences() { # DIR MIN_LINES
  local dir="$1" min="$2" f
  mkdir -p "$dir"
  for f in /usr/share/doc/*/copyright; do
    [[ -e "$f" ]] || continue
    awk -v src="$f" -v dir="$dir" -v min="$min" '
      function flush(   fn, probe) {
        if (name != "" && n >= min) {
          gsub(/[^A-Za-z0-9.+-]/, "_", name)
          fn = dir "/" name ".txt"
          if ((getline probe < fn) < 0) {
            printf "%s", title "\n\n" body > fn
            close(fn)
            print name "\t" src >> (dir "/.sources")
            close(dir "/.sources")
          }
          close(fn)
        }
        name = ""; body = ""; n = 0
      }
      /^License:/ { flush(); name = $0; sub(/^License:[ \t]*/, "", name); title = name; inlic = 1; next }
      inlic && /^[ \t]/ { l = $0; sub(/^[ \t]+/, "", l); if (l == ".") l = ""; body = body l "\n"; n++; next }
      { if (inlic) flush(); inlic = 0 }
      END { flush() }' "$f"
  done
}

licence_manifest_head() {
  echo "# Licence texts"
  echo
  echo "Made by src/build/make-distractors.sh from /usr/share/common-licenses (the texts Debian ships"
  echo "for every package) and from the licence paragraphs of installed packages' Debian copyright"
  echo "files (\`License:\` stanzas, continuation lines unindented, \`.\` lines made blank). Licence"
  echo "texts may be copied and distributed verbatim (each says so, e.g. the GPL's \"Everyone is"
  echo "permitted to copy and distribute verbatim copies of this license document\"; the Creative"
  echo "Commons legal code is itself dedicated to the public domain); they are unmodified here apart"
  echo "from that unwrapping."
  echo
  echo "| file | source |"
  echo "|---|---|"
}

# The licences shipped: the distinct texts of /usr/share/common-licenses, then the longest
# licence paragraphs of copyright files whose name is not one of those, up to 50 documents.
write_licences() { # DIR COUNT
  local dir="$1" count="$2" tmp f base n=0
  rm -rf "$dir"
  mkdir -p "$dir"
  tmp="$(mktemp -d)"
  licence_manifest_head >"$dir/MANIFEST"
  for f in /usr/share/common-licenses/*; do
    [[ -L "$f" ]] && continue # GPL -> GPL-3 and the like
    base="$(basename "$f")"
    cp "$f" "$dir/$base.txt"
    echo "| $base.txt | /usr/share/common-licenses/$base |" >>"$dir/MANIFEST"
    n=$((n + 1))
  done
  extract_licences "$tmp" 20
  # Longest first; skip names that are a common licence already (MPL-2.0, Apache-2.0, CC0 ...)
  # and the GPL-2 text with the Classpath exception (a copy of GPL-2 with a paragraph added).
  while IFS= read -r f; do
    ((n >= count)) && break
    base="$(basename "$f" .txt)"
    case "$base" in
      GPL* | LGPL* | GFDL* | Apache-2.0* | MPL-* | CC0* | Artistic* | BSD) continue ;;
    esac
    cp "$f" "$dir/$base.txt"
    echo "| $base.txt | $(awk -F'\t' -v b="$base" '$1 == b { print $2; exit }' "$tmp/.sources") |" >>"$dir/MANIFEST"
    n=$((n + 1))
  done < <(ls -S "$tmp"/*.txt)
  rm -rf "$tmp"
}

write_man "$SHIPPED/man" "${MAN_SHIPPED[@]}"
write_licences "$SHIPPED/licences" 50
echo "shipped: $(ls "$SHIPPED/man"/*.txt | wc -l) man pages ($(du -sh "$SHIPPED/man" | cut -f1)), $(ls "$SHIPPED/licences"/*.txt | wc -l) licences ($(du -sh "$SHIPPED/licences" | cut -f1))"

if ((LARGE == 0)); then
  exit 0
fi

# The larger variants: every section 1 and 8 page of an allowed package, sorted by name, up to
# 500 (not shipped); then every licence paragraph and, to reach ~500 documents, whole Debian
# copyright files (distinct texts, at most 300 KB each).
mkdir -p "$OUT"
mapfile -t ALL_MAN < <(
  for f in /usr/share/man/man1/*.1.gz /usr/share/man/man8/*.8.gz; do
    [[ -e "$f" ]] || continue
    n="$(basename "$f")"
    n="${n%.gz}"
    echo "${n%.*}"
  done | sort -u
)
picked=()
declare -A LICENCE_CACHE=()
for name in "${ALL_MAN[@]}"; do
  ((${#picked[@]} >= 500)) && break
  [[ "$name" == git* ]] && continue # as for the shipped pages: the suites ask about git
  src="$(man_file "$name")" || continue
  pkg="$(package_of "$src")"
  [[ -n "$pkg" ]] || continue
  if [[ -z "${LICENCE_CACHE[$pkg]:-}" ]]; then
    LICENCE_CACHE[$pkg]="$(licence_of "$pkg")"
  fi
  [[ "${LICENCE_CACHE[$pkg]}" =~ $ALLOWED_LICENCE ]] || continue
  # A page that is only a pointer to another (".so") renders to almost nothing.
  (($(render "$src" | wc -c) > 2000)) || continue
  picked+=("$name")
done
write_man "$OUT/man500" "${picked[@]}"

dir="$OUT/licences500"
rm -rf "$dir"
mkdir -p "$dir"
extract_licences "$dir" 3
cp "$SHIPPED/licences"/*.txt "$dir"/
licence_manifest_head >"$dir/MANIFEST"
echo "| *.txt except copyright-*.txt | licence paragraphs of /usr/share/doc/*/copyright and the shipped licences |" >>"$dir/MANIFEST"
rm -f "$dir/.sources"
declare -A SEEN=()
for f in $(ls -S /usr/share/doc/*/copyright); do
  (($(ls "$dir"/*.txt | wc -l) >= 500)) && break
  size="$(stat -L -c %s "$f")"
  ((size <= 300000)) || continue
  sum="$(md5sum <"$f" | cut -d' ' -f1)"
  [[ -z "${SEEN[$sum]:-}" ]] || continue
  SEEN[$sum]=1
  pkg="$(basename "$(dirname "$f")")"
  cp -L "$f" "$dir/copyright-$pkg.txt"
  echo "| copyright-$pkg.txt | $f |" >>"$dir/MANIFEST"
done
echo "large: $OUT/man500 $(ls "$OUT/man500"/*.txt | wc -l) pages ($(du -sh "$OUT/man500" | cut -f1)), $OUT/licences500 $(ls "$dir"/*.txt | wc -l) texts ($(du -sh "$dir" | cut -f1))"
