#!/usr/bin/env bash
# Create benchmarks/.peers-venv with KLPT, AsoSoft and ckb-textify from PyPI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 -m venv "$here/.peers-venv"
"$here/.peers-venv/bin/python" -m pip install --quiet --upgrade pip
"$here/.peers-venv/bin/python" -m pip install --quiet -r "$here/requirements-peers.txt"
echo "peers installed in $here/.peers-venv"
