# Finds a JDK of at least a given feature version, without needing JAVA_HOME.
# Sourced by ./gillab and .ci/run; tested by JdkDiscoveryTest.
#
#   gillab_find_jdk 21   -> prints the JDK home on stdout, or returns 1
#
# Order: $JAVA_HOME, the `java` on PATH, then the newest JDK under the usual install roots
# (Debian/Ubuntu /usr/lib/jvm, /usr/java, /opt, SDKMAN, ~/.jdks, macOS). GILLAB_JDK_ROOTS
# (colon-separated) replaces the install roots, for tests.

# The JDK's version as "25.0.3": from its release file, else from `java -version`.
gillab_jdk_version() {
  local home=$1 v=
  if [ -r "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n 1)
  fi
  if [ -z "$v" ] && [ -x "$home/bin/java" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  printf '%s\n' "$v"
}

# Feature number of a version string: "25.0.3" -> 25, "1.8.0_392" -> 8.
gillab_jdk_feature() {
  local v=$1
  case $v in
    1.*) v=${v#1.} ;;
  esac
  v=${v%%[!0-9]*}
  printf '%s\n' "${v:-0}"
}

gillab_find_jdk() {
  local min=$1 candidate best= best_version= v roots root
  local -a candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  # An explicit JAVA_HOME or PATH java that is new enough wins.
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] || continue
    v=$(gillab_jdk_version "$candidate")
    if [ "$(gillab_jdk_feature "$v")" -ge "$min" ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  roots=${GILLAB_JDK_ROOTS:-/usr/lib/jvm:/usr/java:/opt/java:/opt:$HOME/.sdkman/candidates/java:$HOME/.jdks:/Library/Java/JavaVirtualMachines}
  local IFS=:
  for root in $roots; do
    [ -d "$root" ] || continue
    for candidate in "$root"/* "$root"/*/Contents/Home; do
      [ -x "$candidate/bin/java" ] || continue
      [ -L "$candidate" ] && continue # Debian's alias links point at a directory listed anyway
      v=$(gillab_jdk_version "$candidate")
      [ "$(gillab_jdk_feature "$v")" -ge "$min" ] || continue
      if [ -z "$best" ] || [ "$(printf '%s\n%s\n' "$best_version" "$v" | sort -V | tail -n 1)" = "$v" ]; then
        best=$candidate
        best_version=$v
      fi
    done
  done
  [ -n "$best" ] || return 1
  printf '%s\n' "$best"
}
