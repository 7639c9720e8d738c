#!/usr/bin/env bash
# Online path: build gillab's images FROM the official python/pypy images.
# Needs a reachable registry (Docker Hub); without one use
# build-offline-images.sh, which makes images of the same names offline.
#
# Usage: build-online-images.sh [VERSION...]    default: 3.11 3.13 3.14
#   3.X        -> gillab/cpython:3.X   (Dockerfile, FROM python:3.X-slim)
#   pypy-3.X   -> gillab/pypy:3.X      (Dockerfile.pypy, FROM pypy:3.X-slim)
#   3.Xt       -> gillab/cpython:3.Xt  (Dockerfile.freethreaded: CPython 3.X.0 built
#                 with --disable-gil from the python.org source release; e.g. 3.14t,
#                 or 3.14.2t for another release. Compiles for some minutes.)
# A gillab runtime id names the image it runs on, so a CI job can pass its own:
#   cpython:3.X -> 3.X, pypy:3.X -> pypy-3.X; jython, graalpy, graalpy-nojit,
#   cpython-local and local:* run without a container: nothing is built.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ "$#" -gt 0 ] || set -- 3.11 3.13 3.14
for v in "$@"; do
  case "$v" in
    cpython:*) v="${v#cpython:}" ;;
    pypy:*)    v="pypy-${v#pypy:}" ;;
    jython|graalpy|graalpy-nojit|cpython-local|local:*)
      echo "build-online-images: $v runs without a container; no image to build"; continue ;;
  esac
  case "$v" in
    pypy-*) docker build --build-arg PYPY_VERSION="${v#pypy-}" \
              -f "$here/Dockerfile.pypy" -t "gillab/pypy:${v#pypy-}" "$here" ;;
    3.*t)   full="${v%t}"; [[ "$full" == *.*.* ]] || full="$full.0"
            docker build --build-arg PYTHON_VERSION="$full" \
              -f "$here/Dockerfile.freethreaded" -t "gillab/cpython:${v}" "$here" ;;
    3.*)    docker build --build-arg PYTHON_VERSION="$v" \
              -f "$here/Dockerfile" -t "gillab/cpython:$v" "$here" ;;
    *) echo "build-online-images: unknown version '$v' (use 3.X, 3.Xt, pypy-3.X or a runtime id such as cpython:3.13 or pypy:3.11)" >&2; exit 2 ;;
  esac
done
