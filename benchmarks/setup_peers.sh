#!/usr/bin/env bash
# Create benchmarks/.peers-venv (gitignored) and install the peers of requirements-peers.txt into it, one by
# one: a peer that fails to install is reported here and, later, by run.py ("peer not measured"); the others
# are still installed. Re-running it is safe. Usage: bash benchmarks/setup_peers.sh [PYTHON]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${1:-python3}"
venv="$here/.peers-venv"
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv" || { echo "could not create $venv with $python -m venv" >&2; exit 1; }
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip || true
failed=()
while read -r requirement; do
    requirement="${requirement%%#*}"
    requirement="$(echo "$requirement" | tr -d '[:space:]')"
    [ -z "$requirement" ] && continue
    if "$venv/bin/python" -m pip install --quiet "$requirement"; then
        echo "installed $requirement"
    else
        echo "FAILED to install $requirement (see pip's message above)" >&2
        failed+=("$requirement")
    fi
done < "$here/requirements-peers.txt"
"$venv/bin/python" -m pip list 2>/dev/null | grep -i -E '^(klpt|asosoft|ckb-textify|chunspell) ' || true
if [ ${#failed[@]} -gt 0 ]; then
    echo "peers not installed: ${failed[*]}; run.py will report them and go on" >&2
fi
echo "peers venv: $venv"
