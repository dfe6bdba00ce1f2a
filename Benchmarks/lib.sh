# Shared by the benchmark scripts: paths, step headings, the release build and the peers' venvs.
# Source it after `set -euo pipefail`. It sets HERE, ROOT and DATA (git-ignored, created here).

HERE="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
ROOT="$(dirname "$HERE")"
DATA="$HERE/data"
mkdir -p "$DATA"

step() { printf '\n== %s\n' "$*"; }

# build_release PRODUCT… : release binaries in .build-bench (the default .build belongs to whoever
# is editing Sources/), and BIN set to their folder. BIN=DIR given beforehand uses binaries built
# already instead.
build_release() {
    [[ -z "${BIN:-}" ]] || return 0
    local product log
    for product in "$@"; do
        log="$DATA/build-$product.log"
        if ! (cd "$ROOT" && swift build -c release --scratch-path .build-bench --product "$product") >"$log" 2>&1; then
            tail -n 40 "$log"
            echo "error: release build of $product failed (full log: $log)" >&2
            return 1
        fi
    done
    BIN="$(cd "$ROOT" && swift build -c release --scratch-path .build-bench --show-bin-path)"
}

# python_venv DIR PACKAGE… : a venv holding the peers from PyPI, and PY set to its python.
python_venv() {
    local venv="$1"
    shift
    [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$@"
    PY="$venv/bin/python"
}

require_gnu_time() {
    command -v /usr/bin/time >/dev/null || { echo "error: GNU time is missing: apt-get install -y time" >&2; exit 1; }
}
