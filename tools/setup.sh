#!/usr/bin/env bash
# Set up a Debian 12 machine for developing and testing the plugin: QGIS 3.22 from Debian, CJK fonts,
# the plugin's Python packages in the system Python that QGIS uses, and a test venv. Idempotent; fast
# (a few seconds) when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
BUILD=${BUILD:-build}  # constraints and stamps (the QGIS 3.40 chroot keeps its own)
PY=/usr/bin/python3
APT_PACKAGES="python3-qgis qgis python3-venv python3-pip fonts-noto-cjk xvfb xauth poppler-utils
  qttools5-dev-tools python3-openpyxl"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing Debian packages:$missing"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

mkdir -p "$BUILD"
# numpy stays Debian's: PyPI wheels built against a newer numpy break GDAL and scipy.
$PY -c "import numpy; print('numpy==' + numpy.__version__)" > "$BUILD/constraints.txt"

# The plugin's own packages, importable by QGIS (GUI and qgis_process.bin), not only by pytest;
# re-checked whenever requirements.txt changes.
req_stamp="$BUILD/.requirements.sha"
req_want=$(cat requirements.txt "$BUILD/constraints.txt" | sha256sum | cut -c1-16)
if [ "$(cat "$req_stamp" 2>/dev/null)" != "$req_want" ] ||
   ! $PY -c "import shapely, openpyxl, sys; sys.exit(int(shapely.__version__.split('.')[0]) < 2)" 2>/dev/null; then
  echo "setup: installing the plugin's Python packages for QGIS (requirements.txt)"
  as_root $PY -m pip install -q --break-system-packages --root-user-action=ignore \
    -c "$BUILD/constraints.txt" -r requirements.txt
  echo "$req_want" > "$req_stamp"
fi

stamp="$VENV/.requirements-dev.sha"
want=$(cat requirements-dev.txt "$BUILD/constraints.txt" | sha256sum | cut -c1-16)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: creating the test venv $VENV"
  [ -x "$VENV/bin/python" ] || $PY -m venv --system-site-packages "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -c "$BUILD/constraints.txt" -r requirements-dev.txt
  echo "$want" > "$stamp"
fi

# The repository is the plugin folder; QGIS and the tests load it as package homestead_cadastre.
mkdir -p build/plugins
# Relative, so that it also resolves where the checkout is mounted elsewhere (tools/qgis340.sh).
ln -sfn ../.. build/plugins/homestead_cadastre
echo "setup: ready (QGIS $($PY -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)' 2>/dev/null))"
