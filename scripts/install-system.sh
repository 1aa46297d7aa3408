#!/usr/bin/env bash
# Debian packages the tests need: headless Chromium for the browser tests, Virtuoso as the real
# external SPARQL engine, CJK fonts so screenshots show Chinese.  Installs only what is missing.
set -euo pipefail
wanted=(chromium chromium-driver virtuoso-opensource fonts-noto-cjk)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
